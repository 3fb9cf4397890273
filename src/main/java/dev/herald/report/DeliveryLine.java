package dev.herald.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the send history as pages and exports show it.
 *
 * @param campaignLabel the campaign's label as its operator typed it (untrusted text),
 * {@code null} for one-off sends
 * @param msgTime Tencent's MsgTime (seconds), as an instant
 * @param recallCode Tencent's RetCode of the recall of this message, or {@code null}
 */
record DeliveryLine(long id, Instant createdAt, @Nullable Long campaignId, @Nullable String campaignLabel,
		@Nullable Long campaignRunId, long runId, long chatAppId, @Nullable String appName, String officialAccount,
		@Nullable String accountName, String status, int attempts, @Nullable Instant firstAttemptAt,
		@Nullable Instant lastAttemptAt, @Nullable Integer httpStatus, @Nullable String actionStatus,
		@Nullable Integer errorCode, @Nullable String errorInfo, @Nullable Instant msgTime, @Nullable String msgKey,
		@Nullable Integer recallCode, @Nullable Instant recalledAt) {

	Cursor cursor() {
		return new Cursor(this.createdAt, this.id);
	}

	/** The ErrorCode worth explaining: set and not 0 (OK). */
	public boolean hasError() {
		return this.errorCode != null && this.errorCode != 0;
	}

	public String statusKey() {
		return "reports.status." + this.status;
	}

	/** Whether Tencent holds a message of it that is not recalled yet. */
	boolean hasMessageToRecall() {
		return this.msgKey != null && DeliveryStatuses.RECALLABLE.contains(this.status);
	}

	/**
	 * When Tencent took the message, which starts its recall period: its MsgTime (an
	 * answer without one stores 0), else the end of the last call, else when the row was
	 * made. {@link dev.herald.delivery.DeliverySql#SENT_AT} is the same in SQL, as the
	 * delivery module reads it.
	 */
	Instant sentAt() {
		if (this.msgTime != null && this.msgTime.getEpochSecond() != 0) {
			return this.msgTime;
		}
		return (this.lastAttemptAt != null) ? this.lastAttemptAt : this.createdAt;
	}

}
