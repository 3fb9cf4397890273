package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One official account's sending window: Tencent allows at most one message per second
 * and two broadcasts in any rolling hour per OA. We keep the times of the last two
 * broadcasts and derive when the next call may start. Times are taken when a call has
 * ended, which is never earlier than when Tencent accepted it, so the window errs on the
 * safe side.
 *
 * @param lastBroadcastAt the latest broadcast (certain or possible)
 * @param prevBroadcastAt the one before it
 */
record OaWindow(@Nullable Instant lastBroadcastAt, @Nullable Instant prevBroadcastAt) {

	static final Duration MIN_INTERVAL = Duration.ofMillis(1_050);

	static final Duration BROADCAST_WINDOW = Duration.ofHours(1).plusSeconds(1);

	static final int BROADCASTS_PER_WINDOW = 2;

	static final OaWindow EMPTY = new OaWindow(null, null);

	/** The window after one more broadcast at {@code at}. */
	OaWindow withBroadcast(Instant at) {
		return new OaWindow(at, this.lastBroadcastAt);
	}

	/**
	 * When the next call may start, given that the last call ended at
	 * {@code lastCallEnded}: a second later, and not before the older of the last two
	 * broadcasts has left the hour.
	 */
	Instant nextAllowedAt(Instant lastCallEnded) {
		Instant next = lastCallEnded.plus(MIN_INTERVAL);
		if (this.prevBroadcastAt != null) {
			Instant hourFree = this.prevBroadcastAt.plus(BROADCAST_WINDOW);
			if (hourFree.isAfter(next)) {
				next = hourFree;
			}
		}
		return next;
	}

	/**
	 * Whether a new broadcast may go out at {@code now} as far as the hour is concerned.
	 */
	boolean allowsBroadcastAt(Instant now) {
		return this.prevBroadcastAt == null || !this.prevBroadcastAt.plus(BROADCAST_WINDOW).isAfter(now);
	}

}
