package dev.herald.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A filter of the send history, ready for SQL: instants instead of the viewer's local
 * dates, and only known statuses. Every condition matches an index of the delivery table
 * whose trailing columns are {@code (created_at, id)}, so a keyset page reads only the
 * rows it shows.
 *
 * @param from first instant included, or {@code null}
 * @param until first instant excluded, or {@code null}
 * @param msgKey start of the MsgKey (prefix search), or {@code null}
 * @param ascending oldest first instead of newest first
 * @param after the last row of the previous page, or {@code null} for the first page
 */
record HistoryQuery(@Nullable Instant from, @Nullable Instant until, @Nullable Long app, @Nullable String account,
		@Nullable Long campaign, @Nullable Long run, List<String> statuses, @Nullable Integer errorCode,
		@Nullable String msgKey, boolean ascending, @Nullable Cursor after) {

	HistoryQuery {
		statuses = statuses.stream().filter(DeliveryStatuses.ALL::contains).distinct().toList();
	}

	static HistoryQuery all() {
		return new HistoryQuery(null, null, null, null, null, null, List.of(), null, null, false, null);
	}

	HistoryQuery after(@Nullable Cursor cursor) {
		return new HistoryQuery(this.from, this.until, this.app, this.account, this.campaign, this.run, this.statuses,
				this.errorCode, this.msgKey, this.ascending, cursor);
	}

	/**
	 * The where clause (without the keyword) over the table alias {@code d}, and its
	 * parameters.
	 */
	Sql where(boolean withCursor) {
		StringBuilder sql = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (this.from != null) {
			sql.append(" and d.created_at >= :from");
			params.put("from", Timestamp.from(this.from));
		}
		if (this.until != null) {
			sql.append(" and d.created_at < :until");
			params.put("until", Timestamp.from(this.until));
		}
		if (this.app != null) {
			sql.append(" and d.chat_app_id = :app");
			params.put("app", this.app);
		}
		if (this.account != null) {
			sql.append(" and d.official_account = :account");
			params.put("account", this.account);
		}
		if (this.campaign != null) {
			sql.append(" and d.campaign_id = :campaign");
			params.put("campaign", this.campaign);
		}
		if (this.run != null) {
			sql.append(" and d.run_id = :run");
			params.put("run", this.run);
		}
		if (this.statuses.size() == 1) {
			sql.append(" and d.status = :status");
			params.put("status", this.statuses.get(0));
		}
		else if (!this.statuses.isEmpty()) {
			sql.append(" and d.status in (:statuses)");
			params.put("statuses", this.statuses);
		}
		if (this.errorCode != null) {
			sql.append(" and d.error_code = :errorCode");
			params.put("errorCode", this.errorCode);
		}
		if (this.msgKey != null) {
			// A prefix search: MsgKeys are opaque tokens people paste, usually whole.
			sql.append(" and d.msg_key like :msgKey");
			params.put("msgKey", escapeLike(this.msgKey) + "%");
		}
		if (withCursor && this.after != null) {
			sql.append(this.ascending ? " and (d.created_at, d.id) > (:afterTime, :afterId)"
					: " and (d.created_at, d.id) < (:afterTime, :afterId)");
			params.put("afterTime", Timestamp.from(this.after.time()));
			params.put("afterId", this.after.id());
		}
		return new Sql(sql.toString(), params);
	}

	String orderBy(String alias) {
		String direction = this.ascending ? "asc" : "desc";
		return alias + ".created_at " + direction + ", " + alias + ".id " + direction;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** A piece of SQL with its named parameters. */
	record Sql(String text, Map<String, Object> params) {
	}

}
