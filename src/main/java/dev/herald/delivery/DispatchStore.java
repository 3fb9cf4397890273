package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import static dev.herald.delivery.JdbcValues.instant;
import static dev.herald.delivery.JdbcValues.instantOrNull;
import static dev.herald.delivery.JdbcValues.integer;
import static dev.herald.delivery.JdbcValues.ts;

/**
 * The dispatcher's hot path in SQL: which apps have work, the per-app dispatch lease, and
 * claims of due deliveries, each one statement per round trip. Callers own the
 * transactions.
 */
@Repository
class DispatchStore {

	/**
	 * The due deliveries of one claim lane, oldest due first, locked (see
	 * {@link #claim}). {@code %1$s} is the lane's condition, {@code %2$s} its limit.
	 */
	private static final String LANE = """
			select d.id, d.official_account, d.status, d.next_attempt_at, r.state as run_state,
			       greatest(d.next_attempt_at, w.next_allowed_at) as due_at
			from delivery d join send_run r on r.id = d.run_id
			  left join oa_window w on w.chat_app_id = d.chat_app_id and w.official_account = d.official_account
			where d.chat_app_id = :app and %1$s
			  and d.next_attempt_at is not null and d.next_attempt_at <= :now
			  and (w.next_allowed_at is null or w.next_allowed_at <= :now)
			order by d.next_attempt_at, d.id
			limit %2$s
			for update of d skip locked""";

	/**
	 * One batch of claims in one statement (see {@link #claim}). Two lanes, each walking
	 * its own partial index in due order (ADR 0009): deliveries called before (retries,
	 * in-doubt resends and lookups, claims recovered from a dead node) go ahead of
	 * deliveries never called, so a retry never waits for the rest of a long run.
	 */
	private static final String CLAIM = """
			with due_again as (%s
			), due_fresh as (%s
			), candidates as (
			  select *, true as again from due_again union all select *, false from due_fresh
			), one_per_oa as (
			  select * from (select distinct on (official_account) * from candidates
			                 order by official_account, again desc, next_attempt_at, id) c
			  order by again desc, next_attempt_at, id
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
			    attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, :now),
			    resend_window_from = coalesce(d.resend_window_from, :now)
			from one_per_oa o join windows w on w.official_account = o.official_account
			where d.id = o.id
			returning d.id, d.run_id, d.chat_app_id, d.official_account, d.random, d.attempts, o.status as previous_status,
			          o.run_state, d.maybe_sent, d.window_counted, d.first_attempt_at, d.resend_window_from,
			          o.due_at, o.again, d.error_code, d.error_info,
			          w.last_broadcast_at, w.prev_broadcast_at"""
		.formatted(
				LANE.formatted("""
						d.status in %s and d.first_attempt_at is not null
						    and (r.state = 'RUNNING' or (r.state = 'CANCELLED' and d.status <> 'QUEUED'))"""
					.formatted(DeliverySql.ACTIVE), ":scan"),
				LANE.formatted("d.status = 'QUEUED' and d.first_attempt_at is null and r.state = 'RUNNING'",
						"case when :withFresh then greatest(0, :scan - (select count(*) from due_again)) else 0 end"));

	/**
	 * Candidates read per claim wanted: some are skipped as a second delivery to the same
	 * OA.
	 */
	private static final int CANDIDATES_PER_CLAIM = 2;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	DispatchStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Apps that have runs still to work on: the idle poll, one small index scan. */
	List<Long> activeApps() {
		return this.jdbc.queryForList(
				"select distinct chat_app_id from send_run where finished_at is null and state in ('RUNNING', 'CANCELLED')",
				Long.class);
	}

	/**
	 * Deliveries waiting to be sent or looked up, all runs: one count per claim lane,
	 * each on its lane's index.
	 */
	long queueDepth() {
		Long depth = this.jdbc.queryForObject("""
				select (select count(*) from delivery
				        where status = 'QUEUED' and first_attempt_at is null and next_attempt_at is not null)
				     + (select count(*) from delivery
				        where status in %s and first_attempt_at is not null and next_attempt_at is not null)"""
			.formatted(DeliverySql.ACTIVE), Long.class);
		return (depth != null) ? depth : 0;
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
	 * @param withFresh whether deliveries never called may fill what deliveries called
	 * before leave of the batch
	 */
	List<Claim> claim(long appId, String node, int limit, boolean withFresh, Instant now, Instant leaseUntil) {
		MapSqlParameterSource params = new MapSqlParameterSource("app", appId).addValue("node", node)
			.addValue("limit", limit)
			.addValue("withFresh", withFresh)
			.addValue("scan", limit * CANDIDATES_PER_CLAIM)
			.addValue("now", ts(now))
			.addValue("leaseUntil", ts(leaseUntil));
		// Walk each lane's index in claim order and stop after one batch. Left to itself
		// the planner prefers reading and sorting every due row of the app whenever most
		// of them qualify, which makes each claim cost O(rows waiting). Local to the
		// claim's transaction.
		this.jdbc.execute("set local enable_sort = off");
		return this.named.query(CLAIM, params, (rs, n) -> new Claim(rs.getLong("id"), rs.getLong("run_id"),
				rs.getLong("chat_app_id"), rs.getString("official_account"), rs.getLong("random"),
				rs.getInt("attempts"), DeliveryStatus.valueOf(rs.getString("previous_status")),
				RunState.valueOf(rs.getString("run_state")), rs.getBoolean("maybe_sent"),
				rs.getBoolean("window_counted"), instant(rs, "first_attempt_at"), instant(rs, "resend_window_from"),
				instant(rs, "due_at"), rs.getBoolean("again"), integer(rs, "error_code"), rs.getString("error_info"),
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
				    first_attempt_at = case when attempts = 1 then null else first_attempt_at end,
				    resend_window_from = case when maybe_sent then resend_window_from else null end
				where id = ? and status = 'SENDING' and claimed_by = ? and attempts = ?""", claims, claims.size(),
				(ps, claim) -> {
					DeliveryStatus back = (claim.previousStatus() == DeliveryStatus.IN_DOUBT) ? DeliveryStatus.IN_DOUBT
							: DeliveryStatus.QUEUED;
					ps.setString(1, back.name());
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

}
