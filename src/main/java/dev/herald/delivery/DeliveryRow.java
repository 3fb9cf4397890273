package dev.herald.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One delivery as the run page lists it. */
public record DeliveryRow(long id, long runId, String officialAccount, DeliveryStatus status, int attempts,
		@Nullable Instant lastAttemptAt, @Nullable Integer errorCode, @Nullable String errorInfo,
		@Nullable String msgKey, @Nullable Integer recallCode) {

	public boolean recallable() {
		return this.msgKey != null
				&& (this.status == DeliveryStatus.SENT || this.status == DeliveryStatus.RECALL_FAILED);
	}

}
