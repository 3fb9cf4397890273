package dev.herald.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs whose deliveries wait for an operator's decision, and what decision tests read
 * back: the delivery rows and the audit log. A bean of the test context wherever the
 * built-in simulator runs.
 */
@Component
@ConditionalOnBooleanProperty("herald.simulator.enabled")
class DecisionFixtures {

	/** When the fixtures' deliveries were first called. */
	static final Duration FIRST_ATTEMPT_AGO = Duration.ofMinutes(10);

	private final RunStore runs;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	DecisionFixtures(RunStore runs, TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
		this.runs = runs;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A run and its deliveries (by id) that wait for a decision. */
	record AwaitingRun(long runId, List<Long> deliveries, Instant firstAttemptAt) {

		long delivery(int index) {
			return this.deliveries.get(index);
		}

	}

	/**
	 * A run of every account of the app whose deliveries all wait for a decision and
	 * never reached the simulator: two calls each, both answers lost, and the history
	 * could not tell (HISTORY_CUT).
	 * @param state the run's state: FINISHED or CANCELLED (then finished), or PAUSED
	 * @param campaignId the run's campaign, or {@code null}
	 * @param campaignRunId the run's campaign run, or {@code null}
	 */
	AwaitingRun awaitingRun(DeliveryFixtures.TestApp app, RunState state, @Nullable Long campaignId,
			@Nullable Long campaignRunId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant first = now.minus(FIRST_ATTEMPT_AGO);
		long runId = Objects.requireNonNull(this.transactions.execute((status) -> {
			RunOrder order = new RunOrder(app.id(), DeliveryFixtures.content("decide"), app.accounts(), campaignId,
					campaignRunId);
			long run = this.runs.insertRun(order, app.accounts().size(), first);
			long[] randoms = new long[app.accounts().size()];
			for (int i = 0; i < randoms.length; i++) {
				randoms[i] = ThreadLocalRandom.current().nextLong(0, 1L << 32);
			}
			this.runs.insertDeliveries(run, order, app.accounts(), randoms, first);
			this.jdbc.sql("""
					update delivery set status = 'IN_DOUBT', next_attempt_at = null, attempts = 2, maybe_sent = true,
					  first_attempt_at = :first, resend_window_from = :first, last_attempt_at = :last,
					  error_info = 'read timed out', doubt_reason = 'HISTORY_CUT'
					where run_id = :run""")
				.param("first", Timestamp.from(first))
				.param("last", Timestamp.from(first.plusSeconds(70)))
				.param("run", run)
				.update();
			boolean finished = state == RunState.FINISHED || state == RunState.CANCELLED;
			this.jdbc.sql("update send_run set state = :state, finished_at = :finished where id = :id")
				.param("state", state.name())
				.param("finished", finished ? Timestamp.from(now) : null)
				.param("id", run)
				.update();
			return run;
		}));
		List<Long> ids = this.jdbc.sql("select id from delivery where run_id = :run order by id")
			.param("run", runId)
			.query(Long.class)
			.list();
		return new AwaitingRun(runId, ids, first);
	}

	/** A delivery's row as the decisions left it. */
	Map<String, Object> row(long deliveryId) {
		return this.jdbc.sql("""
				select status, msg_key, doubt_reason, next_attempt_at, maybe_sent, resend_window_from, attempts,
				       first_attempt_at
				from delivery where id = :id""").param("id", deliveryId).query().singleRow();
	}

	String status(long deliveryId) {
		return this.jdbc.sql("select status from delivery where id = :id")
			.param("id", deliveryId)
			.query(String.class)
			.single();
	}

	RunState runState(long runId) {
		return RunState.valueOf(this.jdbc.sql("select state from send_run where id = :id")
			.param("id", runId)
			.query(String.class)
			.single());
	}

	/**
	 * Audit lines of one object and action, each as {@code actor, before, after} JSON.
	 */
	List<Map<String, Object>> audit(String action, String objectType, long objectId) {
		return this.jdbc.sql("""
				select actor, before_state::text as before, after_state::text as after from audit_event
				where action = :action and object_type = :type and object_id = :id order by id""")
			.param("action", action)
			.param("type", objectType)
			.param("id", String.valueOf(objectId))
			.query()
			.listOfRows();
	}

	/** One field of the only audit line of an object and action. */
	@Nullable String auditField(String action, String objectType, long objectId, String state, String field) {
		return this.jdbc
			.sql("""
					select %s ->> :field from audit_event
					where action = :action and object_type = :type and object_id = :id"""
				.formatted(state.equals("before") ? "before_state" : "after_state"))
			.param("field", field)
			.param("action", action)
			.param("type", objectType)
			.param("id", String.valueOf(objectId))
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

}
