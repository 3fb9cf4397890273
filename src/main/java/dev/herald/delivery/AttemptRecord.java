package dev.herald.delivery;

import java.time.Instant;

/** One finished attempt (a send or a history lookup) waiting to be stored. */
record AttemptRecord(Claim claim, Outcome outcome, AttemptKind kind, String node, Instant startedAt,
		Instant finishedAt) {

}
