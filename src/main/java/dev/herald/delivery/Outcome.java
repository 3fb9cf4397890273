package dev.herald.delivery;

import java.time.Instant;

import dev.herald.tencent.TencentErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt did to a delivery, ready to be stored.
 *
 * @param nextAttemptAt when the row is due again; {@code null} when it is final
 * @param countBroadcast whether this attempt adds a (certain or possible) broadcast to
 * the OA's window
 * @param resetFirstAttempt start a new duplicate window on the next send (the message was
 * proven absent)
 * @param label the outcome for metrics and attempt records
 */
record Outcome(DeliveryStatus status, @Nullable Instant nextAttemptAt, boolean maybeSent, boolean countBroadcast,
		boolean resetFirstAttempt, String label, int httpStatus, @Nullable String actionStatus,
		@Nullable Integer errorCode, @Nullable String errorInfo, @Nullable String msgKey, @Nullable Long msgTime) {

	boolean isFinal() {
		return this.nextAttemptAt == null;
	}

	/**
	 * A 10023 answer to wait out (see {@link RetryPolicy}): the attempt is given back and
	 * the OA's window stays closed until {@link #nextAttemptAt()}, so no other delivery
	 * to it meets the same refusal.
	 */
	boolean waitsForWindow() {
		return this.status == DeliveryStatus.QUEUED && this.errorCode != null
				&& this.errorCode == TencentErrorCodes.OA_FREQUENCY_LIMIT;
	}

}
