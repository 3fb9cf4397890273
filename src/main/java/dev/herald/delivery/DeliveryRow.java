package dev.herald.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery as the run page lists it.
 *
 * @param firstAttemptAt when its first call started, {@code null} before any call
 * @param sentAt when Tencent took the message (its recall period starts then),
 * {@code null} without a MsgKey
 */
public record DeliveryRow(long id, long runId, String officialAccount, DeliveryStatus status, int attempts,
		@Nullable Instant firstAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Integer errorCode,
		@Nullable String errorInfo, @Nullable String msgKey, @Nullable Integer recallCode, @Nullable Instant sentAt) {

	/** Whether Tencent holds a message of it that is not recalled yet. */
	public boolean recallable() {
		return this.msgKey != null && this.sentAt != null && DeliveryStatus.RECALLABLE.contains(this.status);
	}

}
