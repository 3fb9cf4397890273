package dev.herald.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send history: keyset pages for the screen and a row-by-row stream for exports.
 * Reads the delivery module's tables with plain SQL (ADR 0003); selects the Chat app's
 * name only, never its secret columns, and the campaign's label only.
 */
@Service
class DeliveryHistory {

	/** Rows the driver holds at a time while an export streams through a cursor. */
	static final int FETCH_SIZE = 2000;

	static final int MAX_PAGE_SIZE = 500;

	private static final String COLUMNS = """
			d.id, d.created_at, d.campaign_id, d.campaign_run_id, d.run_id, d.chat_app_id, d.official_account,
			d.status, d.attempts, d.first_attempt_at, d.last_attempt_at, d.http_status, d.action_status,
			d.error_code, d.error_info, d.msg_time, d.msg_key, d.recall_code, d.recalled_at""";

	/**
	 * The names next to the ids: Chat app, official account and campaign (one-off sends
	 * have none), each found by a unique key.
	 */
	/**
	 * Columns 20 to 22 of a row, after {@link #COLUMNS}; {@link #line} reads them there.
	 */
	private static final String NAME_COLUMNS = ", a.name as app_name, o.name as account_name, c.label as campaign_label";

	private static final String NAMES = " left join chat_app a on a.id = d.chat_app_id"
			+ " left join official_account o on o.chat_app_id = d.chat_app_id and o.account_id = d.official_account"
			+ " left join campaign c on c.id = d.campaign_id";

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	DeliveryHistory(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		JdbcTemplate template = new JdbcTemplate(dataSource);
		// With auto-commit off (the read-only transaction below) and a fetch size, the
		// PostgreSQL driver reads through a portal FETCH_SIZE rows at a time instead of
		// loading the whole result.
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
	}

	/**
	 * One page: the rows after the query's cursor, in its order.
	 * @param query the filter and cursor
	 * @param size rows per page
	 * @return the page and where the next one starts
	 */
	@Transactional(readOnly = true)
	HistoryPage page(HistoryQuery query, int size) {
		int limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
		HistoryQuery.Sql where = query.where(true);
		// Page first (index range scan, LIMIT), names second (a few primary key lookups
		// per
		// row of the page).
		String sql = "select d.*" + NAME_COLUMNS + " from (select " + COLUMNS + " from delivery d where " + where.text()
				+ " order by " + query.orderBy("d") + " limit " + (limit + 1) + ") d" + NAMES + " order by "
				+ query.orderBy("d");
		List<DeliveryLine> rows = new ArrayList<>(
				this.jdbc.sql(sql).params(where.params()).query((rs, n) -> line(rs)).list());
		Cursor next = null;
		if (rows.size() > limit) {
			rows.remove(limit);
			next = rows.get(limit - 1).cursor();
		}
		return new HistoryPage(List.copyOf(rows), next);
	}

	/**
	 * Hands every row of the filter, in its order, to the consumer while the rows come
	 * from a database cursor: memory stays flat however many rows match.
	 * @param query the filter (its cursor is ignored)
	 * @param consumer takes each row; it may throw to stop
	 */
	@Transactional(readOnly = true)
	void forEach(HistoryQuery query, LineConsumer consumer) {
		stream(query, (rs) -> consumer.accept(line(rs)));
	}

	/** The cursor loop itself, with the raw result set (tests look at it). */
	@Transactional(readOnly = true)
	void stream(HistoryQuery query, RowCallbackHandler handler) {
		HistoryQuery.Sql where = query.where(false);
		String sql = "select " + COLUMNS + NAME_COLUMNS + " from delivery d" + NAMES + " where " + where.text()
				+ " order by " + query.orderBy("d");
		this.streaming.sql(sql).params(where.params()).query(handler);
	}

	/** Takes one row of an export; may throw to stop the export. */
	@FunctionalInterface
	interface LineConsumer {

		void accept(DeliveryLine line) throws SQLException;

	}

	/**
	 * One row of {@link #COLUMNS} followed by app name, account name and campaign label,
	 * read by position: an export reads millions, and a lookup by name costs more than
	 * the value.
	 */
	static DeliveryLine line(ResultSet rs) throws SQLException {
		Long msgTime = nullableLong(rs, 16);
		return new DeliveryLine(rs.getLong(1), instant(rs, 2), nullableLong(rs, 3), rs.getString(22),
				nullableLong(rs, 4), rs.getLong(5), rs.getLong(6), rs.getString(20), rs.getString(7), rs.getString(21),
				rs.getString(8), rs.getInt(9), nullableInstant(rs, 10), nullableInstant(rs, 11), nullableInt(rs, 12),
				rs.getString(13), nullableInt(rs, 14), rs.getString(15),
				(msgTime != null) ? Instant.ofEpochSecond(msgTime) : null, rs.getString(17), nullableInt(rs, 18),
				nullableInstant(rs, 19));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	// OffsetDateTime rather than Timestamp: the driver then skips its Calendar
	// arithmetic.
	private static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer nullableInt(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
