package dev.herald.officialaccount;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags, untags, archives or restores every account a filter matches, in one UPDATE, and
 * audits it once with the filter and the count: the selection travels as the filter's
 * values, never as one value per account.
 */
@Service
class AccountBulkActions {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final AccountSearch search;

	AccountBulkActions(JdbcClient jdbc, AuditLog audit, Clock clock, AccountSearch search) {
		this.search = search;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** How many accounts the action would change now. */
	@Transactional(readOnly = true)
	long count(AccountFilter filter, AccountBulkAction action, @Nullable String tag) {
		this.search.customPlans();
		List<Object> params = new ArrayList<>();
		String where = where(filter, action, tag, params);
		return this.jdbc.sql("select count(*) from official_account a where " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Applies the action.
	 * @return how many accounts it changed
	 */
	@Transactional
	long apply(AccountFilter filter, AccountBulkAction action, @Nullable String tag) {
		this.search.customPlans();
		Instant now = this.clock.instant();
		List<Object> params = new ArrayList<>();
		if (action.setTakesParameter()) {
			params.add(action.needsTag() ? require(tag) : Timestamp.from(now));
		}
		params.add(Timestamp.from(now));
		String where = where(filter, action, tag, params);
		int changed = this.jdbc
			.sql("update official_account a set " + action.set() + ", updated_at = ?, version = a.version + 1 where "
					+ where)
			.params(params)
			.update();
		Map<String, Object> after = new LinkedHashMap<>(filter.describe());
		if (tag != null) {
			after.put("tag", tag);
		}
		after.put("accounts", changed);
		this.audit.record(
				AuditRecord
					.of("account.bulk." + action.name().toLowerCase(Locale.ROOT), "chatapp",
							(filter.getApp() != null) ? filter.getApp() : "all")
					.withAfter(after));
		return changed;
	}

	private static String where(AccountFilter filter, AccountBulkAction action, @Nullable String tag,
			List<Object> params) {
		AccountSearch.Where where = AccountSearch.where(filter);
		params.addAll(where.params());
		if (action.needsTag()) {
			params.add(require(tag));
		}
		return where.sql() + " and " + action.changes();
	}

	private static String require(@Nullable String tag) {
		if (tag == null) {
			throw new IllegalArgumentException("This action needs a tag");
		}
		return tag;
	}

}
