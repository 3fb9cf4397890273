package dev.herald.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import static dev.herald.delivery.JdbcValues.ts;

/**
 * What Tencent's callbacks do to deliveries: settle a sent one, mark recalled ones.
 * Callers own the transactions.
 */
@Repository
class CallbackStore {

	/**
	 * Settles a delivery and counts its broadcast in the OA's window, once (see
	 * {@link #settleSent}).
	 */
	private static final String SETTLE_SENT = """
			with before as (
			  select id, window_counted from delivery where id = ?
			), settled as (
			  update delivery d
			  set status = case when d.status in %1$s then 'SENT' else d.status end,
			      next_attempt_at = case when d.status in %1$s then null else d.next_attempt_at end,
			      claimed_by = null, lease_until = null, maybe_sent = true, window_counted = true,
			      msg_key = coalesce(d.msg_key, ?), msg_time = coalesce(d.msg_time, ?),
			      last_attempt_at = coalesce(d.last_attempt_at, ?)
			  where d.id = ? and d.official_account = ? and d.chat_app_id = ?
			    and (d.status in %1$s or (d.status = 'SENT' and d.msg_key is null))
			  returning d.id, d.run_id, d.chat_app_id, d.official_account
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
			select run_id from settled""".formatted(DeliverySql.ACTIVE);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	CallbackStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/**
	 * Settles a delivery from Tencent's after-send callback: an open or in-doubt delivery
	 * becomes SENT with the key; a sent one without a key gets it. A callback may beat
	 * the call's own answer (then the outcome of the call no longer applies): the
	 * broadcast is counted in the OA's window here, once.
	 * @param chatAppId the app the callback came for: a delivery of another app is not
	 * touched
	 * @return the delivery's run when the row changed, else empty
	 */
	Optional<Long> settleSent(long chatAppId, long deliveryId, String officialAccount, String msgKey, long msgTime,
			Instant now) {
		return this.jdbc
			.queryForList(SETTLE_SENT, Long.class, deliveryId, msgKey, msgTime, ts(now), deliveryId, officialAccount,
					chatAppId, ts(now.plus(OaWindow.MIN_INTERVAL)), ts(now),
					OaWindow.BROADCAST_WINDOW.toMillis() + " milliseconds")
			.stream()
			.findFirst();
	}

	/** Marks deliveries of one app recalled from Tencent's after-recall callback. */
	int settleRecalled(long chatAppId, String officialAccount, List<String> msgKeys, Instant now) {
		if (msgKeys.isEmpty()) {
			return 0;
		}
		return this.named.update(
				"""
						update delivery set status = 'RECALLED', recall_code = 0, recalled_at = :now
						where official_account = :oa and msg_key in (:keys) and status in %s and chat_app_id = :app"""
					.formatted(DeliverySql.in(DeliveryStatus.RECALLABLE)),
				new MapSqlParameterSource("now", ts(now)).addValue("oa", officialAccount)
					.addValue("keys", msgKeys)
					.addValue("app", chatAppId));
	}

}
