package dev.herald.delivery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * All SQL of the delivery engine, on plain JDBC: the hot path (claims and outcomes) is
 * one statement or one batch per round trip. Callers own the transactions.
 */
@Repository
class DeliveryStore {

	static final String ACTIVE_STATUSES = "('QUEUED', 'SENDING', 'IN_DOUBT')";

	/**
	 * When Tencent took a delivery's message, which starts its recall period: Tencent's
	 * MsgTime (seconds; 0 when an answer lacked it), else the end of the call that sent
	 * it, else when the row was made (rows seeded without either).
	 */
	static final String SENT_AT = "coalesce(to_timestamp(nullif(d.msg_time, 0)), d.last_attempt_at, d.created_at)";

	/** A delivery whose message Tencent holds and which is not recalled yet. */
	private static final String HAS_MESSAGE = "d.status in ('SENT', 'RECALL_FAILED') and d.msg_key is not null";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	DeliveryStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	// ---- runs

	long insertRun(RunOrder order, int total, Instant now) {
		return this.named.queryForObject("""
				insert into send_run (chat_app_id, campaign_id, campaign_run_id, content_json, state, total, created_at,
				                      state_changed_at)
				values (:app, :campaign, :campaignRun, :content, 'RUNNING', :total, :now, :now)
				returning id""",
				new MapSqlParameterSource("app", order.chatAppId()).addValue("campaign", order.campaignId())
					.addValue("campaignRun", order.campaignRunId())
					.addValue("content", order.contentJson())
					.addValue("total", total)
					.addValue("now", ts(now)),
				Long.class);
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

	/** Apps that have runs still to work on: the idle poll, one small index scan. */
	List<Long> activeApps() {
		return this.jdbc.queryForList(
				"select distinct chat_app_id from send_run where finished_at is null and state in ('RUNNING', 'CANCELLED')",
				Long.class);
	}

	// ---- the per-app dispatch lease

	/**
	 * Takes or renews an app's lease.
	 * @return empty when another holder has it; else when this holder may start its first
	 * call: at once for a fresh lease or a renewal, or one rate window after the previous
	 * holder's lease ended or was given back (its last calls still count at Tencent until
	 * then)
	 */
	Optional<Instant> acquireAppLease(long appId, String holder, Instant now, Instant until, Duration handover) {
		List<Instant> starts = this.jdbc
			.query("""
					with previous as (select holder, until from dispatch_lease where chat_app_id = ?)
					insert into dispatch_lease as l (chat_app_id, holder, until) values (?, ?, ?)
					on conflict (chat_app_id) do update set holder = excluded.holder, until = excluded.until
					where l.until < ? or l.holder = excluded.holder
					returning (select holder from previous) as previous_holder, (select until from previous) as previous_until""",
					(rs, n) -> {
						String previous = rs.getString("previous_holder");
						if (previous == null || previous.equals(holder)) {
							return now;
						}
						Instant previousUntil = instant(rs, "previous_until");
						Instant after = previousUntil.plus(handover);
						return after.isAfter(now) ? after : now;
					}, appId, appId, holder, ts(until), ts(now));
		return starts.stream().findFirst();
	}

	/**
	 * Gives an app's lease back: another node may take it at once, and starts calling one
	 * rate window after now.
	 */
	void releaseAppLease(long appId, String holder, Instant now) {
		this.jdbc.update("update dispatch_lease set until = ? where chat_app_id = ? and holder = ?", ts(now), appId,
				holder);
	}

	// ---- claims

	/**
	 * Claims up to {@code limit} due deliveries of one app, at most one per OA and only
	 * for OAs whose window is open, and marks their windows busy until the lease ends.
	 * Rows of paused runs stay where they are; a cancelled run only gets its in-doubt
	 * rows looked up. Runs in the caller's transaction.
	 */
	List<Claim> claim(long appId, String node, int limit, Instant now, Instant leaseUntil) {
		MapSqlParameterSource params = new MapSqlParameterSource("app", appId).addValue("node", node)
			.addValue("limit", limit)
			.addValue("scan", limit * 2)
			.addValue("now", ts(now))
			.addValue("leaseUntil", ts(leaseUntil));
		// Walk ix_delivery_due in claim order and stop after one batch. Left to itself
		// the
		// planner prefers reading and sorting every due row of the app whenever most of
		// them qualify, which makes each claim cost O(rows waiting). Local to the claim's
		// transaction.
		this.jdbc.execute("set local enable_sort = off");
		return this.named.query(
				"""
						with candidates as (
						  select d.id, d.official_account, d.status, d.next_attempt_at, r.state as run_state
						  from delivery d join send_run r on r.id = d.run_id
						  where d.chat_app_id = :app
						    and d.status in ('QUEUED', 'SENDING', 'IN_DOUBT')
						    and d.next_attempt_at is not null and d.next_attempt_at <= :now
						    and (r.state = 'RUNNING' or (r.state = 'CANCELLED' and d.status <> 'QUEUED'))
						    and not exists (select 1 from oa_window w where w.chat_app_id = d.chat_app_id
						                    and w.official_account = d.official_account and w.next_allowed_at > :now)
						  order by d.next_attempt_at, d.id
						  limit :scan
						  for update of d skip locked
						), one_per_oa as (
						  select * from (select distinct on (official_account) * from candidates
						                 order by official_account, next_attempt_at, id) c
						  order by next_attempt_at, id
						  limit :limit
						), windows as (
						  insert into oa_window as w (chat_app_id, official_account, next_allowed_at)
						  select :app, official_account, :leaseUntil from one_per_oa
						  on conflict (chat_app_id, official_account) do update set next_allowed_at = excluded.next_allowed_at
						  where w.next_allowed_at <= :now
						  returning w.official_account, w.last_broadcast_at, w.prev_broadcast_at
						)
						update delivery d
						set maybe_sent = d.maybe_sent or d.status = 'SENDING',
						    status = 'SENDING', claimed_by = :node, lease_until = :leaseUntil, next_attempt_at = :leaseUntil,
						    attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, :now)
						from one_per_oa o join windows w on w.official_account = o.official_account
						where d.id = o.id
						returning d.id, d.run_id, d.chat_app_id, d.official_account, d.random, d.attempts, o.status as previous_status,
						          o.run_state, d.maybe_sent, d.window_counted, d.first_attempt_at, d.error_code, d.error_info,
						          w.last_broadcast_at, w.prev_broadcast_at""",
				params,
				(rs, n) -> new Claim(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("chat_app_id"),
						rs.getString("official_account"), rs.getLong("random"), rs.getInt("attempts"),
						DeliveryStatus.valueOf(rs.getString("previous_status")),
						RunState.valueOf(rs.getString("run_state")), rs.getBoolean("maybe_sent"),
						rs.getBoolean("window_counted"), instant(rs, "first_attempt_at"), integer(rs, "error_code"),
						rs.getString("error_info"),
						new OaWindow(instantOrNull(rs, "last_broadcast_at"), instantOrNull(rs, "prev_broadcast_at"))));
	}

	/**
	 * Gives back claims whose call never started (a node stopping): due again at once,
	 * the attempt not counted, the OA window open again.
	 */
	void releaseClaims(List<Claim> claims, String node, Instant now) {
		this.jdbc.batchUpdate("""
				update delivery
				set status = ?, next_attempt_at = ?, claimed_by = null, lease_until = null, attempts = attempts - 1,
				    first_attempt_at = case when attempts = 1 then null else first_attempt_at end
				where id = ? and status = 'SENDING' and claimed_by = ? and attempts = ?""", claims, claims.size(),
				(ps, claim) -> {
					ps.setString(1, (claim.previousStatus() == DeliveryStatus.IN_DOUBT) ? "IN_DOUBT" : "QUEUED");
					ps.setObject(2, ts(now));
					ps.setLong(3, claim.id());
					ps.setString(4, node);
					ps.setInt(5, claim.attempt());
				});
		this.jdbc.batchUpdate("""
				update oa_window set next_allowed_at = ? where chat_app_id = ? and official_account = ?
				  and next_allowed_at > ?""", claims, claims.size(), (ps, claim) -> {
			ps.setObject(1, ts(now));
			ps.setLong(2, claim.chatAppId());
			ps.setString(3, claim.officialAccount());
			ps.setObject(4, ts(now));
		});
	}

	// ---- outcomes

	/**
	 * Stores a batch of outcomes: the delivery rows (only where this node's claim still
	 * stands), the OA windows and one attempt row each. Each of the three is one
	 * statement over arrays ({@code unnest}), not one statement per row: the recorder
	 * keeps up with thousands of calls a second at a fraction of the database's CPU.
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
		Columns columns = new Columns(records.size());
		for (AttemptRecord record : records) {
			Outcome outcome = record.outcome();
			Claim claim = record.claim();
			columns.add(claim.id(), outcome.status().name(), timestamp(outcome.nextAttemptAt()), outcome.maybeSent(),
					outcome.countBroadcast(), timestamp(record.finishedAt()), outcome.resetFirstAttempt(),
					outcome.httpStatus(), outcome.actionStatus(), outcome.errorCode(), outcome.errorInfo(),
					outcome.msgKey(), outcome.msgTime(), record.node(), claim.attempt(), outcome.waitsForWindow());
		}
		Set<Long> applied = new HashSet<>();
		columns.execute(connection, """
				update delivery d
				set status = u.status, next_attempt_at = u.next_attempt_at::timestamptz, claimed_by = null,
				    attempts = d.attempts - case when u.refund then 1 else 0 end,
				    lease_until = null, maybe_sent = u.maybe_sent, window_counted = d.window_counted or u.counted,
				    last_attempt_at = u.finished_at::timestamptz,
				    first_attempt_at = case when u.reset_first then null else d.first_attempt_at end,
				    http_status = u.http_status, action_status = u.action_status, error_code = u.error_code,
				    error_info = u.error_info, msg_key = coalesce(u.msg_key, d.msg_key),
				    msg_time = coalesce(u.msg_time, d.msg_time)
				from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::boolean[], ?::boolean[], ?::varchar[],
				            ?::boolean[], ?::int[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::bigint[],
				            ?::varchar[], ?::int[], ?::boolean[])
				  as u(id, status, next_attempt_at, maybe_sent, counted, finished_at, reset_first, http_status,
				       action_status, error_code, error_info, msg_key, msg_time, node, attempt, refund)
				where d.id = u.id and d.status = 'SENDING' and d.claimed_by = u.node and d.attempts = u.attempt
				returning d.id""", (rs) -> applied.add(rs.getLong(1)), "int8", "varchar", "varchar", "bool", "bool",
				"varchar", "bool", "int4", "varchar", "int4", "varchar", "varchar", "int8", "varchar", "int4", "bool");
		return applied;
	}

	private static void updateWindows(Connection connection, List<AttemptRecord> current) throws SQLException {
		Columns columns = new Columns(current.size());
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
		Columns columns = new Columns(records.size());
		for (AttemptRecord record : records) {
			Outcome outcome = record.outcome();
			columns.add(record.claim().id(), record.claim().attempt(), record.kind(), record.node(),
					timestamp(record.startedAt()), timestamp(record.finishedAt()), outcome.label(),
					outcome.httpStatus(), outcome.errorCode(), outcome.errorInfo(), outcome.msgKey());
		}
		columns.execute(connection, """
				insert into delivery_attempt (delivery_id, attempt, kind, node, started_at, finished_at, outcome,
				                              http_status, error_code, error_info, msg_key)
				select u.delivery_id, u.attempt, u.kind, u.node, u.started_at::timestamptz, u.finished_at::timestamptz,
				       u.outcome, u.http_status, u.error_code, u.error_info, u.msg_key
				from unnest(?::bigint[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
				            ?::varchar[], ?::int[], ?::int[], ?::varchar[], ?::varchar[])
				  with ordinality as u(delivery_id, attempt, kind, node, started_at, finished_at, outcome,
				                       http_status, error_code, error_info, msg_key, n)
				order by u.n""", null, "int8", "int4", "varchar", "varchar", "varchar", "varchar", "varchar", "int4",
				"int4", "varchar", "varchar");
	}

	/** An instant as text PostgreSQL reads back exactly (ISO 8601, UTC), or null. */
	private static @Nullable String timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * Rows gathered column by column, bound as one array parameter per column: a batch of
	 * rows becomes a single statement.
	 */
	private static final class Columns {

		private final List<List<@Nullable Object>> columns = new ArrayList<>();

		private final int rows;

		Columns(int rows) {
			this.rows = rows;
		}

		void add(@Nullable Object... row) {
			if (this.columns.isEmpty()) {
				for (int i = 0; i < row.length; i++) {
					this.columns.add(new ArrayList<>(this.rows));
				}
			}
			for (int i = 0; i < row.length; i++) {
				this.columns.get(i).add(row[i]);
			}
		}

		void execute(Connection connection, String sql, @Nullable RowCallbackHandler returned, String... types)
				throws SQLException {
			List<Array> arrays = new ArrayList<>(types.length);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < types.length; i++) {
					Array array = connection.createArrayOf(types[i], this.columns.get(i).toArray());
					arrays.add(array);
					statement.setArray(i + 1, array);
				}
				if (returned == null) {
					statement.executeUpdate();
					return;
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						returned.processRow(rs);
					}
				}
			}
			finally {
				for (Array array : arrays) {
					array.free();
				}
			}
		}

	}

	/**
	 * Finishes a run with nothing left to work on.
	 * @return the event to publish, when this call finished it
	 */
	Optional<SendRunFinished> finishIfDone(long runId, Instant now) {
		// One check per run at a time: two transactions settling a run's last two
		// deliveries at once (two callbacks, or a callback and an answer) would each
		// still
		// see the other's delivery open, and neither would finish the run. Behind the
		// lock
		// the later one reads what the earlier committed.
		if (this.jdbc
			.queryForList("select id from send_run where id = ? and finished_at is null for update", Long.class, runId)
			.isEmpty()) {
			return Optional.empty();
		}
		List<Object[]> finished = this.jdbc.query("""
				update send_run r
				set finished_at = ?, state_changed_at = ?,
				    state = case when r.state = 'RUNNING' then 'FINISHED' else r.state end
				where r.id = ? and r.finished_at is null and r.state in ('RUNNING', 'CANCELLED')
				  and not exists (select 1 from delivery d where d.run_id = r.id
				                  and d.status in ('QUEUED', 'SENDING', 'IN_DOUBT') and d.next_attempt_at is not null)
				returning r.campaign_id, r.campaign_run_id, r.state""",
				(rs, n) -> new Object[] { rs.getObject(1), rs.getObject(2), rs.getString(3) }, ts(now), ts(now), runId);
		if (finished.isEmpty()) {
			return Optional.empty();
		}
		Object[] row = finished.get(0);
		Map<DeliveryStatus, Long> counts = counts(runId);
		long sent = counts.get(DeliveryStatus.SENT) + counts.get(DeliveryStatus.RECALLED)
				+ counts.get(DeliveryStatus.RECALL_FAILED);
		long failed = counts.get(DeliveryStatus.FAILED) + counts.get(DeliveryStatus.IN_DOUBT);
		return Optional.of(new SendRunFinished(runId, toLong(row[0]), toLong(row[1]),
				RunState.CANCELLED.name().equals(row[2]), sent, failed, counts.get(DeliveryStatus.CANCELLED)));
	}

	// ---- broadcasts outside runs (test sends)

	/**
	 * Takes an OA's window for one call outside any run, as a claim does: only when it is
	 * open (a second since the last call, the hour allowing a broadcast), and closed
	 * until {@code until} so no delivery is claimed for the OA meanwhile.
	 * @return the window as it was, or empty when it is not open
	 */
	Optional<OaWindow> takeWindow(long appId, String officialAccount, Instant now, Instant until) {
		return this.jdbc
			.query("""
					insert into oa_window as w (chat_app_id, official_account, next_allowed_at) values (?, ?, ?)
					on conflict (chat_app_id, official_account) do update set next_allowed_at = excluded.next_allowed_at
					where w.next_allowed_at <= ?
					  and (w.prev_broadcast_at is null or w.prev_broadcast_at + ?::interval <= ?)
					returning w.last_broadcast_at, w.prev_broadcast_at""",
					(rs, n) -> new OaWindow(instantOrNull(rs, "last_broadcast_at"),
							instantOrNull(rs, "prev_broadcast_at")),
					appId, officialAccount, ts(until), ts(now), OaWindow.BROADCAST_WINDOW.toMillis() + " milliseconds",
					ts(now))
			.stream()
			.findFirst();
	}

	/** When an OA's window opens, as far as Herald knows (now or earlier when open). */
	Instant windowOpensAt(long appId, String officialAccount, Instant now) {
		return this.jdbc.query(
				"select next_allowed_at, prev_broadcast_at from oa_window where chat_app_id = ? and official_account = ?",
				(rs, n) -> {
					Instant next = instant(rs, "next_allowed_at");
					Instant prev = instantOrNull(rs, "prev_broadcast_at");
					Instant hourFree = (prev != null) ? prev.plus(OaWindow.BROADCAST_WINDOW) : next;
					return hourFree.isAfter(next) ? hourFree : next;
				}, appId, officialAccount)
			.stream()
			.findFirst()
			.orElse(now);
	}

	/**
	 * Gives a window taken by {@link #takeWindow} back after the call: open again a
	 * second after it, later when the call may have broadcast and filled the hour.
	 */
	void returnWindow(long appId, String officialAccount, OaWindow taken, boolean broadcast, Instant callEnded) {
		OaWindow window = broadcast ? taken.withBroadcast(callEnded) : taken;
		this.jdbc.update("""
				update oa_window set next_allowed_at = ?, last_broadcast_at = ?, prev_broadcast_at = ?
				where chat_app_id = ? and official_account = ?""", ts(window.nextAllowedAt(callEnded)),
				tsOrNull(window.lastBroadcastAt()), tsOrNull(window.prevBroadcastAt()), appId, officialAccount);
		if (broadcast) {
			this.jdbc.update("insert into test_broadcast (chat_app_id, official_account, sent_at) values (?, ?, ?)",
					appId, officialAccount, ts(callEnded));
		}
	}

	/** Test broadcasts of an app since a time, oldest first. */
	List<TestBroadcasts.Sent> testBroadcasts(long appId, Instant since) {
		return this.jdbc.query("""
				select official_account, sent_at from test_broadcast where chat_app_id = ? and sent_at > ?
				order by sent_at, id""", (rs, n) -> new TestBroadcasts.Sent(rs.getString(1), instant(rs, "sent_at")),
				appId, ts(since));
	}

	// ---- progress and pages

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
		return this.jdbc.query("""
				select id, chat_app_id, campaign_id, campaign_run_id, state, total, created_at, finished_at
				from send_run where id = ?""", this::runRow, runId).stream().findFirst();
	}

	List<RunRow> activeRunRows() {
		return this.jdbc.query("""
				select id, chat_app_id, campaign_id, campaign_run_id, state, total, created_at, finished_at
				from send_run where finished_at is null order by created_at, id""", this::runRow);
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

	private static final String DELIVERY_COLUMNS = """
			d.id, d.run_id, d.official_account, d.status, d.attempts, d.last_attempt_at, d.error_code, d.error_info,
			d.msg_key, d.recall_code, case when d.msg_key is not null then %s end as sent_at""".formatted(SENT_AT);

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
				instantOrNull(rs, "last_attempt_at"), integer(rs, "error_code"), rs.getString("error_info"),
				rs.getString("msg_key"), integer(rs, "recall_code"), instantOrNull(rs, "sent_at"));
	}

	long queueDepth() {
		Long depth = this.jdbc.queryForObject(
				"select count(*) from delivery where status in ('QUEUED', 'SENDING', 'IN_DOUBT') and next_attempt_at is not null",
				Long.class);
		return (depth != null) ? depth : 0;
	}

	// ---- recall

	/** A sent delivery that can be recalled. */
	record Recallable(long id, long chatAppId, String officialAccount, String msgKey, Instant sentAt) {
	}

	/**
	 * The sent deliveries of some runs of one Chat app that are still within its recall
	 * period, so a recall of 10,000 deliveries never loads the expired ones.
	 * @param sentAfter the oldest send time the app's period still covers
	 */
	List<Recallable> recallable(Collection<Long> runIds, Instant sentAfter) {
		if (runIds.isEmpty()) {
			return List.of();
		}
		return this.named.query("""
				select d.id, d.chat_app_id, d.official_account, d.msg_key, %s as sent_at from delivery d
				where d.run_id in (:runs) and %s and %s > :sentAfter
				order by d.chat_app_id, d.official_account, d.id""".formatted(SENT_AT, HAS_MESSAGE, SENT_AT),
				new MapSqlParameterSource("runs", runIds).addValue("sentAfter", ts(sentAfter)), this::recallable);
	}

	Optional<Recallable> recallableDelivery(long deliveryId) {
		return this.jdbc.query("""
				select d.id, d.chat_app_id, d.official_account, d.msg_key, %s as sent_at from delivery d
				where d.id = ? and %s""".formatted(SENT_AT, HAS_MESSAGE), this::recallable, deliveryId)
			.stream()
			.findFirst();
	}

	private Recallable recallable(ResultSet rs, int n) throws SQLException {
		return new Recallable(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, "sent_at"));
	}

	/**
	 * The sent, not yet recalled messages of some runs of one Chat app, counted by
	 * whether they are still within its recall period, with the first and last send time:
	 * one aggregate, however many rows.
	 */
	record SentMessages(int recallable, int pastWindow, @Nullable Instant firstSentAt, @Nullable Instant lastSentAt) {
	}

	SentMessages sentMessages(Collection<Long> runIds, Instant sentAfter) {
		if (runIds.isEmpty()) {
			return new SentMessages(0, 0, null, null);
		}
		return this.named.queryForObject(
				"""
						select count(*) filter (where s.sent_at > :sentAfter) as recallable,
						       count(*) filter (where s.sent_at <= :sentAfter) as past_window,
						       min(s.sent_at) as first_sent_at, max(s.sent_at) as last_sent_at
						from (select %s as sent_at from delivery d where d.run_id in (:runs) and %s) s"""
					.formatted(SENT_AT, HAS_MESSAGE),
				new MapSqlParameterSource("runs", runIds).addValue("sentAfter", ts(sentAfter)),
				(rs, n) -> new SentMessages(rs.getInt("recallable"), rs.getInt("past_window"),
						instantOrNull(rs, "first_sent_at"), instantOrNull(rs, "last_sent_at")));
	}

	/** Stores one recall result per delivery; a RetCode of 0 makes it RECALLED. */
	void recordRecall(List<Recallable> items, List<Integer> codes, Instant now) {
		if (items.isEmpty()) {
			return;
		}
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			indexes.add(i);
		}
		this.jdbc.batchUpdate(
				"""
						update delivery set status = ?, recall_code = ?, recalled_at = case when ? = 0 then ? else recalled_at end
						where id = ? and status in ('SENT', 'RECALL_FAILED')""",
				indexes, indexes.size(), (ps, i) -> {
					int code = codes.get(i);
					ps.setString(1, (code == 0) ? DeliveryStatus.RECALLED.name() : DeliveryStatus.RECALL_FAILED.name());
					ps.setInt(2, code);
					ps.setInt(3, code);
					ps.setObject(4, ts(now));
					ps.setLong(5, items.get(i).id());
				});
	}

	// ---- callbacks

	/**
	 * Settles a delivery from Tencent's after-send callback: an open or in-doubt delivery
	 * becomes SENT with the key; a sent one without a key gets it.
	 * @return whether a row changed
	 */
	boolean settleSent(long sdkAppId, long deliveryId, String officialAccount, String msgKey, long msgTime,
			Instant now) {
		// A callback may beat the call's own answer (then the outcome of the call no
		// longer
		// applies): the broadcast is counted in the OA's window here, once.
		Integer rows = this.jdbc.queryForObject(
				"""
						with before as (
						  select id, window_counted from delivery where id = ?
						), settled as (
						  update delivery d
						  set status = case when d.status in ('QUEUED', 'SENDING', 'IN_DOUBT') then 'SENT' else d.status end,
						      next_attempt_at = case when d.status in ('QUEUED', 'SENDING', 'IN_DOUBT') then null else d.next_attempt_at end,
						      claimed_by = null, lease_until = null, maybe_sent = true, window_counted = true,
						      msg_key = coalesce(d.msg_key, ?), msg_time = coalesce(d.msg_time, ?),
						      last_attempt_at = coalesce(d.last_attempt_at, ?)
						  where d.id = ? and d.official_account = ?
						    and d.chat_app_id in (select id from chat_app where sdk_app_id = ?)
						    and (d.status in ('QUEUED', 'SENDING', 'IN_DOUBT') or (d.status = 'SENT' and d.msg_key is null))
						  returning d.id, d.chat_app_id, d.official_account
						), counted as (
						  insert into oa_window as w (chat_app_id, official_account, next_allowed_at, last_broadcast_at)
						  select s.chat_app_id, s.official_account, ?, ? from settled s join before b on b.id = s.id
						  where not b.window_counted
						  on conflict (chat_app_id, official_account) do update
						  set prev_broadcast_at = w.last_broadcast_at, last_broadcast_at = excluded.last_broadcast_at,
						      next_allowed_at = greatest(w.next_allowed_at, excluded.next_allowed_at,
						                                 w.last_broadcast_at + ?::interval)
						  returning 1
						)
						select count(*) from settled""",
				Integer.class, deliveryId, msgKey, msgTime, ts(now), deliveryId, officialAccount, sdkAppId,
				ts(now.plus(OaWindow.MIN_INTERVAL)), ts(now), OaWindow.BROADCAST_WINDOW.toMillis() + " milliseconds");
		return rows != null && rows > 0;
	}

	Optional<Long> runOf(long deliveryId) {
		return this.jdbc.queryForList("select run_id from delivery where id = ?", Long.class, deliveryId)
			.stream()
			.findFirst();
	}

	/** Marks deliveries recalled from Tencent's after-recall callback. */
	int settleRecalled(long sdkAppId, String officialAccount, List<String> msgKeys, Instant now) {
		if (msgKeys.isEmpty()) {
			return 0;
		}
		return this.named.update("""
				update delivery set status = 'RECALLED', recall_code = 0, recalled_at = :now
				where official_account = :oa and msg_key in (:keys) and status in ('SENT', 'RECALL_FAILED')
				  and chat_app_id in (select id from chat_app where sdk_app_id = :sdk)""",
				new MapSqlParameterSource("now", ts(now)).addValue("oa", officialAccount)
					.addValue("keys", msgKeys)
					.addValue("sdk", sdkAppId));
	}

	// ---- helpers

	static OffsetDateTime ts(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable OffsetDateTime tsOrNull(@Nullable Instant instant) {
		return (instant != null) ? ts(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Long toLong(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : null;
	}

	private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
		if (value != null) {
			ps.setLong(index, value);
		}
		else {
			ps.setNull(index, Types.BIGINT);
		}
	}

	private static void setInt(PreparedStatement ps, int index, @Nullable Integer value) throws SQLException {
		if (value != null) {
			ps.setInt(index, value);
		}
		else {
			ps.setNull(index, Types.INTEGER);
		}
	}

	static Duration since(Instant from, Instant to) {
		return Duration.between(from, to);
	}

}
