package dev.herald.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.herald.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for its page and exports: newest first, keyset pages on
 * {@code (occurred_at, id)} ({@code ix_audit_event_occurred_at}), exports through a
 * cursor. Nothing here writes.
 */
@Service
class AuditTrail {

	private static final String SELECT = """
			select e.id, e.occurred_at, e.actor, e.client_ip, e.action, e.object_type, e.object_id,
			       e.before_state::text as before_state, e.after_state::text as after_state
			from audit_event e where\s""";

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	AuditTrail(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(DeliveryHistory.FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
	}

	@Transactional(readOnly = true)
	Page page(AuditForm filter, ZoneId zone, int size) {
		HistoryQuery.Sql where = filter.where(zone, true);
		List<AuditEntry> rows = new ArrayList<>(
				this.jdbc.sql(SELECT + where.text() + " order by e.occurred_at desc, e.id desc limit " + (size + 1))
					.params(where.params())
					.query((rs, n) -> entry(rs))
					.list());
		Cursor next = null;
		if (rows.size() > size) {
			rows.remove(size);
			AuditEntry last = rows.get(size - 1);
			next = new Cursor(last.occurredAt(), last.id());
		}
		return new Page(List.copyOf(rows), next);
	}

	@Transactional(readOnly = true)
	void forEach(AuditForm filter, ZoneId zone, EntryConsumer consumer) {
		HistoryQuery.Sql where = filter.where(zone, false);
		this.streaming.sql(SELECT + where.text() + " order by e.occurred_at desc, e.id desc")
			.params(where.params())
			.query((ResultSet rs) -> consumer.accept(entry(rs)));
	}

	/** The distinct actions, for the filter's list. */
	@Transactional(readOnly = true)
	List<String> actions() {
		return this.jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("client_ip"), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("before_state"), rs.getString("after_state"));
	}

	@FunctionalInterface
	interface EntryConsumer {

		void accept(AuditEntry entry) throws SQLException;

	}

	record Page(List<AuditEntry> rows, @Nullable Cursor next) {
	}

}
