package dev.herald.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.herald.shared.database.TransactionLocks;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import static dev.herald.delivery.JdbcValues.instantOrNull;
import static dev.herald.delivery.JdbcValues.integer;
import static dev.herald.delivery.JdbcValues.ts;

/**
 * Deliveries in doubt that Herald no longer looks up and that wait for an operator's
 * decision, and the decisions themselves. Every decision is one conditional statement on
 * rows that still wait, so of two decisions at once (a double-click, two operators) the
 * second finds nothing to change. Callers own the transactions.
 */
@Repository
class DecisionStore {

	/** The predicate of the partial index {@code ix_delivery_awaiting_decision}. */
	static final String AWAITING = "d.status = 'IN_DOUBT' and d.next_attempt_at is null";

	private static final String DECIDED = "returning d.id, d.run_id, d.official_account, b.doubt_reason";

	private static final String MARK_SENT = """
			update delivery d
			set status = 'SENT', msg_key = coalesce(cast(? as varchar), d.msg_key), maybe_sent = true, doubt_reason = null,
			    claimed_by = null, lease_until = null""";

	// The first attempt and the attempts stay: they are the true history. The delivery
	// is known not to have landed now, so no duplicate window is open.
	private static final String SEND_AGAIN = """
			update delivery d
			set status = 'QUEUED', next_attempt_at = ?, maybe_sent = false, resend_window_from = null,
			    doubt_reason = null, claimed_by = null, lease_until = null""";

	private static final String MARK_NOT_SENT = """
			update delivery d
			set status = 'CANCELLED', doubt_reason = null, claimed_by = null, lease_until = null""";

	private static final String RUN_NOT_CANCELLED = "exists (select 1 from send_run r where r.id = d.run_id and r.state <> 'CANCELLED')";

	private static final String RUN_CANCELLED = "exists (select 1 from send_run r where r.id = d.run_id and r.state = 'CANCELLED')";

	// The first half of the advisory lock's key for decisions on all of a run's
	// deliveries; the run's id is the second.
	private static final int RUN_DECISIONS = 0x48_52_44; // "HRD"

	private final JdbcTemplate jdbc;

	private final TransactionLocks locks;

	DecisionStore(JdbcTemplate jdbc, TransactionLocks locks) {
		this.jdbc = jdbc;
		this.locks = locks;
	}

	/**
	 * One delivery waiting for a decision, as the run page lists it.
	 *
	 * @param doubtReason why Herald could not tell, such as {@code HISTORY_CUT};
	 * {@code null} on rows from before reasons were recorded
	 */
	record Awaiting(long id, String officialAccount, int attempts, @Nullable Instant firstAttemptAt,
			@Nullable Instant lastAttemptAt, @Nullable Integer errorCode, @Nullable String errorInfo,
			@Nullable String doubtReason) {
	}

	/**
	 * A page of a run's deliveries waiting for a decision, by id.
	 * @param afterId the last id of the previous page (0 for the first)
	 */
	List<Awaiting> awaiting(long runId, long afterId, int limit) {
		return this.jdbc.query("""
				select d.id, d.official_account, d.attempts, d.first_attempt_at, d.last_attempt_at, d.error_code,
				       d.error_info, d.doubt_reason
				from delivery d where d.run_id = ? and %s and d.id > ? order by d.id limit ?""".formatted(AWAITING),
				this::awaitingRow, runId, afterId, limit);
	}

	long countAwaiting(long runId) {
		Long count = this.jdbc.queryForObject("select count(*) from delivery d where d.run_id = ? and " + AWAITING,
				Long.class, runId);
		return (count != null) ? count : 0;
	}

	/** Runs with deliveries waiting for a decision, newest run first, and the totals. */
	AwaitingDecisions summary(int runs) {
		long[] totals = Objects.requireNonNull(
				this.jdbc.queryForObject("select count(*), count(distinct d.run_id) from delivery d where " + AWAITING,
						(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }));
		if (totals[0] == 0) {
			return AwaitingDecisions.NONE;
		}
		List<AwaitingDecisions.Run> list = this.jdbc.query("""
				select d.run_id, count(*) from delivery d where %s
				group by d.run_id order by d.run_id desc limit ?""".formatted(AWAITING),
				(rs, n) -> new AwaitingDecisions.Run(rs.getLong(1), rs.getLong(2)), runs);
		return new AwaitingDecisions(totals[0], totals[1], list);
	}

	/**
	 * A delivery an operator decided on: what the audit line names.
	 *
	 * @param doubtReason why it was in doubt, before the decision
	 */
	record Decided(long id, long runId, String officialAccount, @Nullable String doubtReason) {
	}

	/**
	 * The delivery reached Tencent: SENT, with the MsgKey the operator knows (which makes
	 * it recallable).
	 * @return the delivery, when it was waiting
	 */
	Optional<Decided> markSent(long deliveryId, @Nullable String msgKey) {
		return decide(MARK_SENT, "", msgKey, deliveryId);
	}

	/**
	 * The delivery did not reach Tencent and is sent again: QUEUED, due now. Refused on a
	 * cancelled run.
	 * @return the delivery, when it was waiting and its run was not cancelled
	 */
	Optional<Decided> sendAgain(long deliveryId, Instant now) {
		return decide(SEND_AGAIN, " and " + RUN_NOT_CANCELLED, ts(now), deliveryId);
	}

	/**
	 * The delivery of a cancelled run did not reach Tencent: CANCELLED.
	 * @return the delivery, when it was waiting and its run was cancelled
	 */
	Optional<Decided> markNotSent(long deliveryId) {
		return decide(MARK_NOT_SENT, " and " + RUN_CANCELLED, deliveryId);
	}

	private Optional<Decided> decide(String update, String condition, @Nullable Object... args) {
		// b reads the reason as it was before this statement.
		return this.jdbc
			.query(update + """

					from (select id, doubt_reason from delivery where id = ?) b
					where d.id = b.id and %s%s
					%s""".formatted(AWAITING, condition, DECIDED),
					(rs, n) -> new Decided(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), args)
			.stream()
			.findFirst();
	}

	/** Every waiting delivery of a run reached Tencent. */
	int markAllSent(long runId) {
		return decideAll(runId, MARK_SENT, "", (Object) null);
	}

	/** Every waiting delivery of a run that is not cancelled is sent again. */
	int sendAllAgain(long runId, Instant now) {
		return decideAll(runId, SEND_AGAIN, " and " + RUN_NOT_CANCELLED, ts(now));
	}

	/** Every waiting delivery of a cancelled run did not reach Tencent. */
	int markAllNotSent(long runId) {
		return decideAll(runId, MARK_NOT_SENT, " and " + RUN_CANCELLED);
	}

	/**
	 * @param values the values of the update's own placeholders
	 */
	private int decideAll(long runId, String update, String condition, @Nullable Object... values) {
		// Decisions on all of a run's waiting deliveries queue up behind each other (a
		// double-click, two operators): the later one's statement then sees them decided
		// and decides none.
		this.locks.hold(RUN_DECISIONS, runId);
		Object[] args = Arrays.copyOf(values, values.length + 1);
		args[values.length] = runId;
		return this.jdbc.update(update + """

				where d.run_id = ? and %s%s""".formatted(AWAITING, condition), args);
	}

	/** A run locked for a decision on its deliveries. */
	record LockedRun(RunState state, boolean finished) {
	}

	/**
	 * Locks a run, after its deliveries: the order every path that finishes runs takes
	 * (settle deliveries, then lock the run).
	 */
	Optional<LockedRun> lockRun(long runId) {
		return this.jdbc
			.query("select state, finished_at from send_run where id = ? for update",
					(rs, n) -> new LockedRun(RunState.valueOf(rs.getString(1)), rs.getObject(2) != null), runId)
			.stream()
			.findFirst();
	}

	/**
	 * Opens a finished run again, so the dispatcher works on it and it finishes (and is
	 * announced) again.
	 * @return whether it was finished and is running now
	 */
	boolean reopen(long runId, Instant now) {
		return this.jdbc.update("""
				update send_run set finished_at = null, state = 'RUNNING', state_changed_at = ?
				where id = ? and state = 'FINISHED' and finished_at is not null""", ts(now), runId) == 1;
	}

	/**
	 * Where a delivery stands, to say why a decision changed nothing.
	 * @return whether it still waits for a decision, empty when there is no such delivery
	 */
	Optional<Boolean> stillAwaiting(long deliveryId) {
		return this.jdbc
			.query("select " + AWAITING + " from delivery d where d.id = ?", (rs, n) -> rs.getBoolean(1), deliveryId)
			.stream()
			.findFirst();
	}

	private Awaiting awaitingRow(ResultSet rs, int n) throws SQLException {
		return new Awaiting(rs.getLong("id"), rs.getString("official_account"), rs.getInt("attempts"),
				instantOrNull(rs, "first_attempt_at"), instantOrNull(rs, "last_attempt_at"), integer(rs, "error_code"),
				rs.getString("error_info"), rs.getString("doubt_reason"));
	}

}
