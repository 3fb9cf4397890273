package dev.herald.officialaccount;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages through official accounts with SQL: a filter's condition, keyset paging on
 * {@code (chat_app_id, account_id)} (the unique index, or the partial index of live
 * accounts) and never OFFSET, so the 1,000th page costs what the first does.
 */
@Service
class AccountSearch {

	static final int PAGE_SIZE = 50;

	private static final String COLUMNS = """
			a.id, a.chat_app_id, a.account_id, a.name, a.subscriber_count, a.test_account, a.synced_at, a.tags,
			a.archived_at""";

	private final JdbcClient jdbc;

	AccountSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A condition on {@code official_account a} and its parameters. */
	record Where(String sql, List<Object> params) {

	}

	/** Where the next page starts: after this row. */
	record Cursor(long app, String accountId) {

	}

	/**
	 * One page of accounts.
	 *
	 * @param rows the accounts, by app and id
	 * @param total how many accounts match the filter in all
	 * @param next where the next page starts, or {@code null} on the last page
	 */
	record Page(List<OfficialAccountView> rows, long total, @Nullable Cursor next) {

	}

	@Transactional(readOnly = true)
	Page page(AccountFilter filter) {
		customPlans();
		Where where = where(filter);
		if (filter.getAfter() != null && filter.getAfterApp() != null) {
			return page(where, " and (a.chat_app_id, a.account_id) > (?, ?)",
					List.of(filter.getAfterApp(), filter.getAfter()), "a.chat_app_id, a.account_id");
		}
		return page(where, "", List.of(), "a.chat_app_id, a.account_id");
	}

	@Transactional(readOnly = true)
	long count(AccountFilter filter) {
		customPlans();
		return count(where(filter));
	}

	/**
	 * A page of the accounts a group resolves to now (live ones only), by account id.
	 * @param group the group
	 * @param after the last account id of the previous page, or {@code null}
	 * @return the page; its total is the group's live member count
	 */
	@Transactional(readOnly = true)
	Page members(TargetGroupView group, @Nullable String after) {
		customPlans();
		Where where = groupWhere(group);
		if (after != null) {
			return page(where, " and a.account_id > ?", List.of(after), "a.account_id");
		}
		return page(where, "", List.of(), "a.account_id");
	}

	/**
	 * One page after a keyset condition, and the cursor of the next page when there is
	 * one.
	 */
	private Page page(Where where, String keyset, List<Object> keysetParams, String orderBy) {
		List<Object> params = new ArrayList<>(where.params());
		params.addAll(keysetParams);
		params.add(PAGE_SIZE + 1);
		List<OfficialAccountView> rows = this.jdbc
			.sql("select " + COLUMNS + " from official_account a where " + where.sql() + keyset + " order by " + orderBy
					+ " limit ?")
			.params(params)
			.query((rs, n) -> view(rs))
			.list();
		Cursor next = null;
		if (rows.size() > PAGE_SIZE) {
			rows = rows.subList(0, PAGE_SIZE);
			OfficialAccountView last = rows.get(PAGE_SIZE - 1);
			next = new Cursor(last.chatAppId(), last.accountId());
		}
		return new Page(rows, count(where), next);
	}

	/**
	 * Live accounts of an app whose id or name contains a text, for the pickers of the
	 * group and campaign forms: the first {@code limit} by id.
	 */
	@Transactional(readOnly = true)
	List<OfficialAccountView> candidates(long chatAppId, String text, int limit) {
		customPlans();
		AccountFilter filter = new AccountFilter();
		filter.setApp(chatAppId);
		filter.setQ(text);
		Where where = where(filter);
		List<Object> params = new ArrayList<>(where.params());
		params.add(limit);
		return this.jdbc
			.sql("select " + COLUMNS + " from official_account a where " + where.sql()
					+ " order by a.chat_app_id, a.account_id limit ?")
			.params(params)
			.query((rs, n) -> view(rs))
			.list();
	}

	/**
	 * Tags to suggest while typing a filter: those of a sample of the app's accounts, so
	 * that the suggestions cost the same at 50,000 accounts as at 50 (counting every tag
	 * of every account took longer than the page itself).
	 */
	@Transactional(readOnly = true)
	List<String> suggestedTags(long chatAppId) {
		return this.jdbc.sql("""
				select distinct t.tag from (select a.tags from official_account a
				  where a.chat_app_id = ? and a.archived_at is null limit 2000) s, unnest(s.tags) as t(tag)
				order by t.tag limit 200""").param(chatAppId).query(String.class).list();
	}

	/**
	 * Plans this transaction's queries for their actual values. Once a statement has run
	 * five times PostgreSQL may switch to a generic plan, which cannot know that
	 * {@code like '%store 12345%'} is selective and scans every account (~25 ms at
	 * 50,000) where the trigram index answers in a few.
	 */
	void customPlans() {
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	private long count(Where where) {
		return this.jdbc.sql("select count(*) from official_account a where " + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/** The filter as SQL; tags and text as a dynamic group would match them. */
	static Where where(AccountFilter filter) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder();
		switch (filter.getArchived()) {
			case HIDE -> sql.append("a.archived_at is null");
			case ONLY -> sql.append("a.archived_at is not null");
			case SHOW -> sql.append("true");
		}
		if (filter.getApp() != null) {
			sql.append(" and a.chat_app_id = ?");
			params.add(filter.getApp());
		}
		if (filter.isTest()) {
			sql.append(" and a.test_account");
		}
		Audiences.Term term = Audiences.dynamicTerm("", filter.tags(), filter.text());
		sql.append(" and ").append(term.sql());
		params.addAll(term.params());
		return new Where(sql.toString(), params);
	}

	private static Where groupWhere(TargetGroupView group) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("a.archived_at is null and a.chat_app_id = ?");
		params.add(group.chatAppId());
		if (group.dynamic()) {
			Audiences.Term term = Audiences.dynamicTerm(group.name(), group.filterTags(), group.filterText());
			sql.append(" and ").append(term.sql());
			params.addAll(term.params());
		}
		else {
			sql.append(" and a.id in (select m.official_account_id from target_group_member m"
					+ " where m.target_group_id = ?)");
			params.add(group.id());
		}
		return new Where(sql.toString(), params);
	}

	static OfficialAccountView view(ResultSet rs) throws SQLException {
		Timestamp synced = rs.getTimestamp("synced_at");
		return new OfficialAccountView(rs.getLong("id"), rs.getLong("chat_app_id"), rs.getString("account_id"),
				rs.getString("name"), rs.getLong("subscriber_count"), rs.getBoolean("test_account"),
				(synced != null) ? synced.toInstant() : null, List.of((String[]) rs.getArray("tags").getArray()),
				rs.getTimestamp("archived_at") != null);
	}

}
