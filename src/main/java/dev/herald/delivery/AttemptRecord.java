package dev.herald.delivery;

import java.time.Instant;

/**
 * One finished attempt (a send or a history lookup) waiting to be stored.
 *
 * @param kind SEND or RECONCILE
 */
record AttemptRecord(Claim claim, Outcome outcome, String kind, String node, Instant startedAt, Instant finishedAt) {

}
