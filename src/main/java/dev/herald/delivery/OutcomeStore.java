package dev.herald.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.herald.delivery.Outcome.Answer;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores the outcomes of calls in batches: the delivery rows (only where this node's
 * claim still stands), the OA windows and one attempt row each. Each of the three is one
 * statement over arrays ({@code unnest}), not one statement per row: the recorder keeps
 * up with thousands of calls a second at a fraction of the database's CPU. Callers own
 * the transactions.
 */
@Repository
class OutcomeStore {

	private final JdbcTemplate jdbc;

	OutcomeStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a batch of outcomes.
	 * @return the runs touched by outcomes that applied
	 */
	Set<Long> record(List<AttemptRecord> records) {
		Set<Long> runs = this.jdbc.execute((ConnectionCallback<Set<Long>>) (connection) -> {
			Set<Long> applied = updateDeliveries(connection, records);
			List<AttemptRecord> current = new ArrayList<>(applied.size());
			Set<Long> touched = new LinkedHashSet<>();
			for (AttemptRecord record : records) {
				if (applied.contains(record.claim().id())) {
					current.add(record);
					touched.add(record.claim().runId());
				}
			}
			if (!current.isEmpty()) {
				updateWindows(connection, current);
			}
			insertAttempts(connection, records);
			return touched;
		});
		return (runs != null) ? runs : Set.of();
	}

	private static Set<Long> updateDeliveries(Connection connection, List<AttemptRecord> records) throws SQLException {
		ArrayColumns columns = new ArrayColumns(records.size());
		for (AttemptRecord record : records) {
			Outcome outcome = record.outcome();
			Answer answer = outcome.answer();
			Claim claim = record.claim();
			columns.add(claim.id(), outcome.status().name(), timestamp(outcome.nextAttemptAt()), outcome.maybeSent(),
					outcome.countBroadcast(), timestamp(record.finishedAt()),
					(outcome.doubtReason() != null) ? outcome.doubtReason().name() : null, answer.httpStatus(),
					answer.actionStatus(), answer.errorCode(), answer.errorInfo(), outcome.msgKey(), outcome.msgTime(),
					record.node(), claim.attempt(), outcome.waitsForWindow());
		}
		Set<Long> applied = new HashSet<>();
		columns.execute(connection, """
				update delivery d
				set status = u.status, next_attempt_at = u.next_attempt_at::timestamptz, claimed_by = null,
				    attempts = d.attempts - case when u.refund then 1 else 0 end,
				    lease_until = null, maybe_sent = u.maybe_sent, window_counted = d.window_counted or u.counted,
				    last_attempt_at = u.finished_at::timestamptz,
				    resend_window_from = case when u.maybe_sent then d.resend_window_from end,
				    doubt_reason = u.doubt_reason,
				    http_status = u.http_status, action_status = u.action_status, error_code = u.error_code,
				    error_info = u.error_info, msg_key = coalesce(u.msg_key, d.msg_key),
				    msg_time = coalesce(u.msg_time, d.msg_time)
				from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::boolean[], ?::boolean[], ?::varchar[],
				            ?::varchar[], ?::int[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::bigint[],
				            ?::varchar[], ?::int[], ?::boolean[])
				  as u(id, status, next_attempt_at, maybe_sent, counted, finished_at, doubt_reason, http_status,
				       action_status, error_code, error_info, msg_key, msg_time, node, attempt, refund)
				where d.id = u.id and d.status = 'SENDING' and d.claimed_by = u.node and d.attempts = u.attempt
				returning d.id""", (rs) -> applied.add(rs.getLong(1)), "int8", "varchar", "varchar", "bool", "bool",
				"varchar", "varchar", "int4", "varchar", "int4", "varchar", "varchar", "int8", "varchar", "int4",
				"bool");
		return applied;
	}

	private static void updateWindows(Connection connection, List<AttemptRecord> current) throws SQLException {
		ArrayColumns columns = new ArrayColumns(current.size());
		for (AttemptRecord record : current) {
			OaWindow window = record.claim().window();
			if (record.outcome().countBroadcast()) {
				window = window.withBroadcast(record.finishedAt());
			}
			Instant next = window.nextAllowedAt(record.finishedAt());
			Instant waitUntil = record.outcome().nextAttemptAt();
			if (record.outcome().waitsForWindow() && waitUntil != null && waitUntil.isAfter(next)) {
				next = waitUntil;
			}
			columns.add(timestamp(next), timestamp(window.lastBroadcastAt()), timestamp(window.prevBroadcastAt()),
					record.claim().chatAppId(), record.claim().officialAccount());
		}
		columns.execute(connection, """
				update oa_window w
				set next_allowed_at = u.next_allowed_at::timestamptz, last_broadcast_at = u.last_at::timestamptz,
				    prev_broadcast_at = u.prev_at::timestamptz
				from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[])
				  as u(next_allowed_at, last_at, prev_at, app, oa)
				where w.chat_app_id = u.app and w.official_account = u.oa""", null, "varchar", "varchar", "varchar",
				"int8", "varchar");
	}

	private static void insertAttempts(Connection connection, List<AttemptRecord> records) throws SQLException {
		ArrayColumns columns = new ArrayColumns(records.size());
		for (AttemptRecord record : records) {
			Outcome outcome = record.outcome();
			Answer answer = outcome.answer();
			columns.add(record.claim().id(), record.claim().attempt(), record.kind().name(), record.node(),
					timestamp(record.claim().dueAt()), timestamp(record.startedAt()), timestamp(record.finishedAt()),
					outcome.label().value(), answer.httpStatus(), answer.errorCode(), answer.errorInfo(),
					outcome.msgKey());
		}
		columns.execute(connection, """
				insert into delivery_attempt (delivery_id, attempt, kind, node, due_at, started_at, finished_at,
				                              outcome, http_status, error_code, error_info, msg_key)
				select u.delivery_id, u.attempt, u.kind, u.node, u.due_at::timestamptz, u.started_at::timestamptz,
				       u.finished_at::timestamptz, u.outcome, u.http_status, u.error_code, u.error_info, u.msg_key
				from unnest(?::bigint[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
				            ?::varchar[], ?::varchar[], ?::int[], ?::int[], ?::varchar[], ?::varchar[])
				  with ordinality as u(delivery_id, attempt, kind, node, due_at, started_at, finished_at, outcome,
				                       http_status, error_code, error_info, msg_key, n)
				order by u.n""", null, "int8", "int4", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
				"int4", "int4", "varchar", "varchar");
	}

	/** An instant as text PostgreSQL reads back exactly (ISO 8601, UTC), or null. */
	private static @Nullable String timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
