package dev.herald.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * One past run's delivery and attempt rows, as the delivery engine writes them: one claim
 * per attempt at 200 calls a second, a MsgKey and MsgTime for every accepted message, the
 * ErrorCode and ErrorInfo of a refused one, a history lookup (RECONCILE) for a message
 * accepted without a key, and recall codes after a recall. Pure: ids and randomness come
 * in.
 */
final class PastRun {

	/** The node name in attempt rows. */
	static final String NODE = "demo";

	/** The app's pace: 200 calls a second. */
	static final Duration CALL_SPACING = Duration.ofMillis(5);

	private static final Duration CALL = Duration.ofMillis(90);

	private static final int[] FINAL_CODES = { 10010, 10016, 10017, 80001 };

	private static final String[] FINAL_INFOS = { "official account does not exist",
			"rejected by the before-send callback", "sender is muted", "text security strike" };

	private static final int[] RETRYABLE_CODES = { 10002, 60008 };

	private static final String[] RETRYABLE_INFOS = { "internal server error", "service timeout" };

	record Delivery(long id, String account, long random, String status, int attempts, boolean maybeSent,
			@Nullable Instant firstAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Integer httpStatus,
			@Nullable String actionStatus, @Nullable Integer errorCode, @Nullable String errorInfo,
			@Nullable Long msgTime, @Nullable String msgKey, @Nullable Integer recallCode,
			@Nullable Instant recalledAt) {

		boolean sent() {
			return this.msgKey != null;
		}

		boolean failed() {
			return "FAILED".equals(this.status) || "IN_DOUBT".equals(this.status);
		}

	}

	record Attempt(long deliveryId, int attempt, String kind, Instant startedAt, Instant finishedAt, String outcome,
			int httpStatus, @Nullable Integer errorCode, @Nullable String errorInfo, @Nullable String msgKey) {
	}

	private final List<Delivery> deliveries = new ArrayList<>();

	private final List<Attempt> attempts = new ArrayList<>();

	private final Instant createdAt;

	private Instant lastCall;

	/**
	 * @param spacing the time between two calls' starts
	 * @param firstId the id of the first delivery; the others follow
	 * @param cancelAfter how many deliveries were sent before the run was cancelled
	 * ({@code accounts.size()} when it was not)
	 * @param msgSeq the next MsgKey sequence number
	 */
	PastRun(List<String> accounts, Instant createdAt, Duration spacing, HistoryPlan.Outcomes outcomes, long firstId,
			int cancelAfter, long msgSeq, Random random) {
		this.createdAt = createdAt;
		this.lastCall = createdAt;
		for (int i = 0; i < accounts.size(); i++) {
			long id = firstId + i;
			long body = random.nextLong(1L << 32);
			if (i >= cancelAfter) {
				this.deliveries.add(new Delivery(id, accounts.get(i), body, "CANCELLED", 0, false, null, null, null,
						null, null, null, null, null, null, null));
				continue;
			}
			Instant start = createdAt.plus(Duration.ofMillis(40)).plus(spacing.multipliedBy(i));
			int roll = random.nextInt(1000);
			if (roll < outcomes.failed()) {
				failed(id, accounts.get(i), body, start, random.nextInt(FINAL_CODES.length));
			}
			else if (roll < outcomes.failed() + outcomes.retried()) {
				retried(id, accounts.get(i), body, start, random.nextInt(RETRYABLE_CODES.length), msgSeq + i);
			}
			else if (roll < outcomes.failed() + outcomes.retried() + outcomes.inDoubt()) {
				inDoubt(id, accounts.get(i), body, start, msgSeq + i);
			}
			else {
				sent(id, accounts.get(i), body, start, msgSeq + i);
			}
		}
	}

	private void sent(long id, String account, long body, Instant start, long seq) {
		Instant end = start.plus(CALL);
		String key = msgKey(seq, end);
		this.attempts.add(new Attempt(id, 1, "SEND", start, end, "sent", 200, 0, null, key));
		add(new Delivery(id, account, body, "SENT", 1, true, start, end, 200, "OK", 0, null, end.getEpochSecond(), key,
				null, null));
	}

	private void failed(long id, String account, long body, Instant start, int which) {
		Instant end = start.plus(CALL);
		this.attempts
			.add(new Attempt(id, 1, "SEND", start, end, "failed", 200, FINAL_CODES[which], FINAL_INFOS[which], null));
		add(new Delivery(id, account, body, "FAILED", 1, false, start, end, 200, "FAIL", FINAL_CODES[which],
				FINAL_INFOS[which], null, null, null, null));
	}

	/**
	 * A retryable refusal, then the same body again after the backoff (about a second).
	 */
	private void retried(long id, String account, long body, Instant start, int which, long seq) {
		Instant firstEnd = start.plus(CALL);
		this.attempts.add(new Attempt(id, 1, "SEND", start, firstEnd, "retry", 200, RETRYABLE_CODES[which],
				RETRYABLE_INFOS[which], null));
		Instant again = firstEnd.plus(Duration.ofMillis(1_150));
		Instant end = again.plus(CALL);
		String key = msgKey(seq, end);
		this.attempts.add(new Attempt(id, 2, "SEND", again, end, "sent", 200, 0, null, key));
		add(new Delivery(id, account, body, "SENT", 2, true, start, end, 200, "OK", 0, null, end.getEpochSecond(), key,
				null, null));
	}

	/** Accepted without a MsgKey: in doubt until the history lookup finds the message. */
	private void inDoubt(long id, String account, long body, Instant start, long seq) {
		Instant firstEnd = start.plus(CALL);
		this.attempts.add(new Attempt(id, 1, "SEND", start, firstEnd, "sent_without_key", 200, 0, null, null));
		Instant lookup = firstEnd.plus(Duration.ofMillis(300));
		Instant end = lookup.plus(CALL);
		String key = msgKey(seq, firstEnd);
		this.attempts.add(new Attempt(id, 2, "RECONCILE", lookup, end, "reconciled_sent", 200, 0, null, key));
		add(new Delivery(id, account, body, "SENT", 2, true, start, end, 200, "OK", 0, null, firstEnd.getEpochSecond(),
				key, null, null));
	}

	private void add(Delivery delivery) {
		this.deliveries.add(delivery);
		if (delivery.lastAttemptAt() != null && delivery.lastAttemptAt().isAfter(this.lastCall)) {
			this.lastCall = delivery.lastAttemptAt();
		}
	}

	/**
	 * The operator recalled the run's messages: each becomes RECALLED, but for those
	 * Tencent no longer found (10030).
	 */
	void recall(Instant at, Random random) {
		for (int i = 0; i < this.deliveries.size(); i++) {
			Delivery d = this.deliveries.get(i);
			if (!d.sent()) {
				continue;
			}
			boolean found = random.nextInt(100) >= 8;
			this.deliveries.set(i,
					new Delivery(d.id(), d.account(), d.random(), found ? "RECALLED" : "RECALL_FAILED", d.attempts(),
							d.maybeSent(), d.firstAttemptAt(), d.lastAttemptAt(), d.httpStatus(), d.actionStatus(),
							d.errorCode(), d.errorInfo(), d.msgTime(), d.msgKey(), found ? 0 : 10030,
							found ? at : null));
		}
	}

	List<Delivery> deliveries() {
		return this.deliveries;
	}

	List<Attempt> attempts() {
		return this.attempts;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	/** When the last call ended: the run finished then. */
	Instant finishedAt() {
		return this.lastCall.plus(Duration.ofMillis(250));
	}

	/** Sent, recalled or not, as the engine counts a run's sent messages. */
	long sent() {
		return this.deliveries.stream().filter(Delivery::sent).count();
	}

	long failed() {
		return this.deliveries.stream().filter(Delivery::failed).count();
	}

	long cancelled() {
		return this.deliveries.stream().filter((d) -> "CANCELLED".equals(d.status())).count();
	}

	/** Tencent's MsgKey: a sequence number, 1, and the second it took the message. */
	private static String msgKey(long seq, Instant at) {
		return seq + "_1_" + at.getEpochSecond();
	}

}
