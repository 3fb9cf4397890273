package dev.herald.delivery;

import org.jspecify.annotations.Nullable;

/**
 * A run has no delivery left to work on (published in the transaction that finished it,
 * delivered to listeners after its commit). A cancelled run finishes once its calls in
 * flight are recorded.
 *
 * @param sent deliveries that reached Tencent (SENT, RECALLED, RECALL_FAILED)
 * @param failed deliveries that failed for good, plus those left IN_DOUBT
 * @param cancelled deliveries never sent because the run was cancelled
 */
public record SendRunFinished(long runId, @Nullable Long campaignId, @Nullable Long campaignRunId, boolean wasCancelled,
		long sent, long failed, long cancelled) {

}
