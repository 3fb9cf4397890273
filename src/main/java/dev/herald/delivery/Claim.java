package dev.herald.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A delivery this node has claimed for one call, with what the engine needs to decide and
 * record it.
 *
 * @param attempt the number of this attempt (the fencing token of the claim)
 * @param previousStatus the status before the claim (SENDING means an expired lease)
 * @param maybeSent whether an earlier attempt may have reached Tencent
 * @param firstAttemptAt when the delivery was first called (this claim, for a fresh one)
 * @param resendWindowFrom when the first attempt that may have landed started, so a
 * same-body resend is dropped by Tencent's duplicate filter until 5 minutes later (this
 * claim, when no earlier attempt may have landed)
 * @param dueAt when the delivery was due and its OA's window open: the run's start for a
 * fresh one, the backoff's end for a retry, the lease end for a claim recovered from a
 * dead node
 * @param again whether it was called before (the claim lane that goes first)
 * @param window the OA's broadcast window at claim time
 */
record Claim(long id, long runId, long chatAppId, String officialAccount, long random, int attempt,
		DeliveryStatus previousStatus, RunState runState, boolean maybeSent, boolean windowCounted,
		Instant firstAttemptAt, Instant resendWindowFrom, Instant dueAt, boolean again, @Nullable Integer lastErrorCode,
		@Nullable String lastErrorInfo, OaWindow window) {

}
