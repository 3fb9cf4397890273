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
 * @param window the OA's broadcast window at claim time
 */
record Claim(long id, long runId, long chatAppId, String officialAccount, long random, int attempt,
		DeliveryStatus previousStatus, RunState runState, boolean maybeSent, boolean windowCounted,
		Instant firstAttemptAt, @Nullable Integer lastErrorCode, @Nullable String lastErrorInfo, OaWindow window) {

}
