package dev.herald.delivery;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import static dev.herald.delivery.JdbcValues.instant;
import static dev.herald.delivery.JdbcValues.instantOrNull;
import static dev.herald.delivery.JdbcValues.integer;
import static dev.herald.delivery.JdbcValues.setLong;
import static dev.herald.delivery.JdbcValues.toLong;
import static dev.herald.delivery.JdbcValues.ts;

/**
 * Runs and their deliveries as a whole: creating them, their state, counts and the rows
 * the run page lists. Callers own the transactions.
 */
@Repository
class RunStore {

	private static final String RUN_COLUMNS = "id, chat_app_id, campaign_id, campaign_run_id, state, total, created_at, finished_at";

	private static final String DELIVERY_COLUMNS = """
			d.id, d.run_id, d.official_account, d.status, d.attempts, d.first_attempt_at, d.last_attempt_at, d.error_code,
			d.error_info, d.msg_key, d.recall_code, case when d.msg_key is not null then %s end as sent_at"""
		.formatted(DeliverySql.SENT_AT);

	private final JdbcTemplate jdbc;

	RunStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insertRun(RunOrder order, int total, Instant now) {
		return Objects.requireNonNull(this.jdbc.queryForObject("""
				insert into send_run (chat_app_id, campaign_id, campaign_run_id, content_json, state, total, created_at,
				                      state_changed_at)
				values (?, ?, ?, ?, 'RUNNING', ?, ?, ?)
				returning id""", Long.class, order.chatAppId(), order.campaignId(), order.campaignRunId(),
				order.contentJson(), total, ts(now), ts(now)));
	}

	/**
	 * Creates every delivery of a run in one statement: the OA ids and Randoms travel as
	 * two arrays and {@code unnest} turns them into rows, so 100,000 rows are one round
	 * trip.
	 */
	int insertDeliveries(long runId, RunOrder order, List<String> accounts, long[] randoms, Instant now) {
		Integer rows = this.jdbc.execute((ConnectionCallback<Integer>) (connection) -> {
			Array oaArray = connection.createArrayOf("varchar", accounts.toArray());
			Long[] boxed = new Long[randoms.length];
			for (int i = 0; i < randoms.length; i++) {
				boxed[i] = randoms[i];
			}
			Array randomArray = connection.createArrayOf("int8", boxed);
			try (PreparedStatement statement = connection.prepareStatement("""
					insert into delivery (run_id, chat_app_id, campaign_id, campaign_run_id, official_account, random,
					                      status, next_attempt_at, created_at)
					select ?, ?, ?, ?, t.oa, t.rnd, 'QUEUED', ?, ?
					from unnest(?::varchar[], ?::bigint[]) with ordinality as t(oa, rnd, n)
					order by t.n""")) {
				statement.setLong(1, runId);
				statement.setLong(2, order.chatAppId());
				setLong(statement, 3, order.campaignId());
				setLong(statement, 4, order.campaignRunId());
				statement.setObject(5, ts(now));
				statement.setObject(6, ts(now));
				statement.setArray(7, oaArray);
				statement.setArray(8, randomArray);
				return statement.executeUpdate();
			}
			finally {
				oaArray.free();
				randomArray.free();
			}
		});
		return (rows != null) ? rows : 0;
	}

	Optional<String> runContent(long runId) {
		return this.jdbc.query("select content_json from send_run where id = ?", (rs, n) -> rs.getString(1), runId)
			.stream()
			.findFirst();
	}

	Optional<RunState> runState(long runId) {
		return this.jdbc
			.query("select state from send_run where id = ?", (rs, n) -> RunState.valueOf(rs.getString(1)), runId)
			.stream()
			.findFirst();
	}

	/** Moves a run from one state to another; false when it was not in {@code from}. */
	boolean changeState(long runId, RunState from, RunState to, Instant now) {
		return this.jdbc.update("update send_run set state = ?, state_changed_at = ? where id = ? and state = ?",
				to.name(), ts(now), runId, from.name()) == 1;
	}

	/**
	 * The rest of a cancelled run: never-tried (or provably unsent) rows become
	 * CANCELLED; rows that may have landed are looked up first (IN_DOUBT). Rows in flight
	 * are left to finish.
	 */
	int cancelRemaining(long runId, Instant now) {
		return this.jdbc.update("""
				update delivery
				set status = case when maybe_sent then 'IN_DOUBT' else 'CANCELLED' end,
				    next_attempt_at = case when maybe_sent then ? else null end
				where run_id = ? and status = 'QUEUED'""", ts(now), runId);
	}

	/**
	 * Locks an unfinished run for the check whether it is done.
	 * @return its state, or empty when it is finished already
	 */
	Optional<RunState> lockUnfinished(long runId) {
		return this.jdbc
			.query("select state from send_run where id = ? and finished_at is null for update",
					(rs, n) -> RunState.valueOf(rs.getString(1)), runId)
			.stream()
			.findFirst();
	}

	/** A run just finished: what its announcement needs besides the counts. */
	record Finished(@Nullable Long campaignId, @Nullable Long campaignRunId, boolean wasCancelled) {
	}

	/**
	 * Finishes a running or cancelled run that has no delivery left to work on.
	 * @return the run, when this call finished it
	 */
	Optional<Finished> finishIfNothingLeft(long runId, Instant now) {
		return this.jdbc
			.query("""
					update send_run r
					set finished_at = ?, state_changed_at = ?,
					    state = case when r.state = 'RUNNING' then 'FINISHED' else r.state end
					where r.id = ? and r.finished_at is null and r.state in ('RUNNING', 'CANCELLED')
					  and not exists (select 1 from delivery d where d.run_id = r.id
					                  and d.status in %s and d.next_attempt_at is not null)
					returning r.campaign_id, r.campaign_run_id, r.state""".formatted(DeliverySql.ACTIVE),
					(rs, n) -> new Finished(toLong(rs.getObject(1)), toLong(rs.getObject(2)),
							RunState.CANCELLED.name().equals(rs.getString(3))),
					ts(now), ts(now), runId)
			.stream()
			.findFirst();
	}

	/** The deliveries of a run per status, every status present (zeros included). */
	Map<DeliveryStatus, Long> counts(long runId) {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.query("select status, count(*) from delivery where run_id = ? group by status", (ResultSet rs) -> {
			counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
		}, runId);
		return counts;
	}

	/** Calls of a run that ended with an outcome since a time: its current rate. */
	long attemptsSince(long runId, Instant since) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from delivery where run_id = ? and last_attempt_at >= ? and status not in ('QUEUED', 'SENDING')",
				Long.class, runId, ts(since));
		return (count != null) ? count : 0;
	}

	record RunRow(long id, long chatAppId, @Nullable Long campaignId, @Nullable Long campaignRunId, RunState state,
			long total, Instant createdAt, @Nullable Instant finishedAt) {
	}

	Optional<RunRow> run(long runId) {
		return this.jdbc.query("select " + RUN_COLUMNS + " from send_run where id = ?", this::runRow, runId)
			.stream()
			.findFirst();
	}

	/** The runs of a campaign by Chat app (every run of a campaign is on its one app). */
	Map<Long, List<Long>> runsOfCampaign(long campaignId) {
		Map<Long, List<Long>> runs = new LinkedHashMap<>();
		this.jdbc.query("select chat_app_id, id from send_run where campaign_id = ? order by chat_app_id, id",
				(ResultSet rs) -> {
					runs.computeIfAbsent(rs.getLong(1), (app) -> new ArrayList<>()).add(rs.getLong(2));
				}, campaignId);
		return runs;
	}

	private RunRow runRow(ResultSet rs, int n) throws SQLException {
		return new RunRow(rs.getLong("id"), rs.getLong("chat_app_id"), toLong(rs.getObject("campaign_id")),
				toLong(rs.getObject("campaign_run_id")), RunState.valueOf(rs.getString("state")), rs.getLong("total"),
				instant(rs, "created_at"), instantOrNull(rs, "finished_at"));
	}

	/** The first deliveries of a run, as its page lists them. */
	List<DeliveryRow> deliveries(long runId, int limit) {
		return this.jdbc.query(
				"select " + DELIVERY_COLUMNS + " from delivery d where d.run_id = ? order by d.id limit ?",
				this::deliveryRow, runId, limit);
	}

	Optional<DeliveryRow> delivery(long id) {
		return this.jdbc.query("select " + DELIVERY_COLUMNS + " from delivery d where d.id = ?", this::deliveryRow, id)
			.stream()
			.findFirst();
	}

	private DeliveryRow deliveryRow(ResultSet rs, int n) throws SQLException {
		return new DeliveryRow(rs.getLong("id"), rs.getLong("run_id"), rs.getString("official_account"),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instantOrNull(rs, "first_attempt_at"), instantOrNull(rs, "last_attempt_at"), integer(rs, "error_code"),
				rs.getString("error_info"), rs.getString("msg_key"), integer(rs, "recall_code"),
				instantOrNull(rs, "sent_at"));
	}

}
