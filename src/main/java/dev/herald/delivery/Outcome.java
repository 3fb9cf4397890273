package dev.herald.delivery;

import java.time.Instant;
import java.util.Locale;

import dev.herald.tencent.TencentErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt did to a delivery, ready to be stored. Made by the named factories,
 * one per thing that can become of a delivery.
 *
 * @param nextAttemptAt when the row is due again; {@code null} when it is final
 * @param countBroadcast whether this attempt adds a (certain or possible) broadcast to
 * the OA's window
 * @param doubtReason why an operator must decide (a final IN_DOUBT only)
 * @param label the outcome for metrics and attempt records
 * @param answer what Tencent answered (or the last answer kept, for lookups)
 */
record Outcome(DeliveryStatus status, @Nullable Instant nextAttemptAt, boolean maybeSent, boolean countBroadcast,
		@Nullable DoubtReason doubtReason, Label label, Answer answer, @Nullable String msgKey,
		@Nullable Long msgTime) {

	/** Longest error text stored. */
	static final int MAX_ERROR_INFO = 500;

	/** Tencent took the message: final. */
	static Outcome sent(Label label, boolean countBroadcast, Answer answer, @Nullable String msgKey,
			@Nullable Long msgTime) {
		return new Outcome(DeliveryStatus.SENT, null, true, countBroadcast, null, label, answer, msgKey, msgTime);
	}

	/** The message may have landed and is to be looked up at {@code lookUpAt}. */
	static Outcome inDoubt(Instant lookUpAt, Label label, boolean countBroadcast, Answer answer) {
		return new Outcome(DeliveryStatus.IN_DOUBT, lookUpAt, true, countBroadcast, null, label, answer, null, null);
	}

	/**
	 * The message may have landed and Herald cannot tell: it stays IN_DOUBT until an
	 * operator decides, and is never sent again on its own.
	 */
	static Outcome awaitingDecision(DoubtReason reason, Label label, Answer answer) {
		return new Outcome(DeliveryStatus.IN_DOUBT, null, true, false, reason, label, answer, null, null);
	}

	/** Not sent, and never will be. */
	static Outcome failed(Answer answer) {
		return new Outcome(DeliveryStatus.FAILED, null, false, false, null, Label.FAILED, answer, null, null);
	}

	/** Tried again at {@code at}. */
	static Outcome retry(Instant at, Label label, boolean maybeSent, boolean countBroadcast, Answer answer) {
		return new Outcome(DeliveryStatus.QUEUED, at, maybeSent, countBroadcast, null, label, answer, null, null);
	}

	/** Refused by the OA's full window (10023): due again when it opens. */
	static Outcome windowFull(Instant opens, boolean maybeSent, Answer answer) {
		return new Outcome(DeliveryStatus.QUEUED, opens, maybeSent, false, null, Label.WINDOW_FULL, answer, null, null);
	}

	/**
	 * Proven absent from the OA's history: sent again at once, and that send opens a new
	 * duplicate window (nothing earlier may have landed any more).
	 */
	static Outcome absent(Instant now, Answer last) {
		return new Outcome(DeliveryStatus.QUEUED, now, false, false, null, Label.RECONCILED_ABSENT, last, null, null);
	}

	/** Proven absent while its run is cancelled: never sent. */
	static Outcome cancelled(Answer last) {
		return new Outcome(DeliveryStatus.CANCELLED, null, false, false, null, Label.RECONCILED_ABSENT, last, null,
				null);
	}

	boolean isFinal() {
		return this.nextAttemptAt == null;
	}

	/**
	 * A 10023 answer to wait out (see {@link RetryPolicy}): the attempt is given back and
	 * the OA's window stays closed until {@link #nextAttemptAt()}, so no other delivery
	 * to it meets the same refusal.
	 */
	boolean waitsForWindow() {
		Integer code = this.answer.errorCode();
		return this.status == DeliveryStatus.QUEUED && code != null && code == TencentErrorCodes.OA_FREQUENCY_LIMIT;
	}

	/** How an attempt ended, as attempt records and metrics name it. */
	enum Label {

		SENT, SENT_WITHOUT_KEY, RETRY, UNKNOWN, WINDOW_FULL, IN_DOUBT, FAILED, RECONCILED_SENT, RECONCILED_ABSENT,
		UNDECIDED;

		/** The stored and tagged spelling, e.g. {@code window_full}. */
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * What Tencent answered to a call.
	 *
	 * @param httpStatus 0 without an HTTP answer
	 * @param actionStatus OK or FAIL, {@code null} when the answer had none
	 * @param errorInfo cut to {@link #MAX_ERROR_INFO} characters
	 */
	record Answer(int httpStatus, @Nullable String actionStatus, @Nullable Integer errorCode,
			@Nullable String errorInfo) {

		Answer {
			if (errorInfo != null && errorInfo.length() > MAX_ERROR_INFO) {
				errorInfo = errorInfo.substring(0, MAX_ERROR_INFO);
			}
		}

		static Answer ok(int httpStatus) {
			return new Answer(httpStatus, "OK", TencentErrorCodes.OK, null);
		}

		static Answer failed(int httpStatus, @Nullable Integer errorCode, @Nullable String errorInfo) {
			return new Answer(httpStatus, "FAIL", errorCode, errorInfo);
		}

		/** No answer at all: the call could not be made (a bug or unreadable content). */
		static Answer none(String reason) {
			return new Answer(0, null, null, reason);
		}

	}

}
