package dev.herald.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import static dev.herald.delivery.JdbcValues.instant;
import static dev.herald.delivery.JdbcValues.instantOrNull;
import static dev.herald.delivery.JdbcValues.ts;
import static dev.herald.delivery.JdbcValues.tsOrNull;

/**
 * Official account windows for broadcasts outside any run (test sends), taken and given
 * back as claims do, and the record of those broadcasts. Callers own the transactions.
 */
@Repository
class TestBroadcastStore {

	private final JdbcTemplate jdbc;

	TestBroadcastStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

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

}
