package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import dev.herald.delivery.Outcome.Answer;
import dev.herald.delivery.Outcome.Label;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.SendMsgResponse;
import dev.herald.tencent.TencentErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * The sending rules in one place (product.md rules 3 and 4): what a claimed delivery does
 * next (send or reconcile) and what an attempt's result makes of it. Pure: time and
 * jitter come in as arguments.
 */
final class RetryPolicy {

	/**
	 * How long after its first attempt a delivery may keep waiting for a full OA window
	 * (10023) before it fails: several hours of refusals mean someone else keeps the OA
	 * busy.
	 */
	static final Duration WINDOW_WAIT_LIMIT = Duration.ofHours(6);

	/** The HTTP status a lookup's outcome records: the lookup was answered. */
	private static final int LOOKUP_HTTP_STATUS = 200;

	private final int maxAttempts;

	private final Duration retryBase;

	private final Duration retryMax;

	private final Duration resendWindow;

	private final DoubleSupplier jitter;

	RetryPolicy(int maxAttempts, Duration retryBase, Duration retryMax, Duration resendWindow, DoubleSupplier jitter) {
		this.maxAttempts = maxAttempts;
		this.retryBase = retryBase;
		this.retryMax = retryMax;
		this.resendWindow = resendWindow;
		this.jitter = jitter;
	}

	static RetryPolicy of(DeliveryProperties properties) {
		return new RetryPolicy(properties.maxAttempts(), properties.retryBase(), properties.retryMax(),
				properties.resendWindow(), () -> ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * Resend as-is while Tencent's duplicate filter still covers an earlier attempt that
	 * may have landed; after that, look it up first. A cancelled run never sends again.
	 */
	AttemptKind mode(Claim claim, Instant now) {
		if (claim.previousStatus() == DeliveryStatus.IN_DOUBT) {
			return AttemptKind.RECONCILE;
		}
		if (claim.maybeSent() && (claim.runState() != RunState.RUNNING
				|| !now.isBefore(claim.resendWindowFrom().plus(this.resendWindow)))) {
			return AttemptKind.RECONCILE;
		}
		return AttemptKind.SEND;
	}

	/**
	 * Exponential backoff with equal jitter: half the doubled delay fixed, half random.
	 * @param attempt the attempt that just failed, from 1
	 */
	Duration backoff(int attempt) {
		long base = this.retryBase.toMillis();
		long max = this.retryMax.toMillis();
		long delay = (attempt >= 31) ? max : Math.min(max, base << Math.max(0, attempt - 1));
		long half = delay / 2;
		return Duration.ofMillis(half + (long) (this.jitter.getAsDouble() * (delay - half)));
	}

	Outcome afterSend(Claim claim, CallResult<SendMsgResponse> result, Instant now) {
		int http = result.httpStatus();
		if (result instanceof CallResult.Success<SendMsgResponse> success) {
			SendMsgResponse response = success.response();
			if (response.msgKey() == null || response.msgKey().isEmpty()) {
				// Accepted (or a dropped duplicate) without a key: find the key in the
				// history.
				return Outcome.inDoubt(now, Label.SENT_WITHOUT_KEY, !claim.windowCounted(), Answer.ok(http));
			}
			return Outcome.sent(Label.SENT, !claim.windowCounted(), Answer.ok(http), response.msgKey(),
					response.msgTime());
		}
		if (result instanceof CallResult.RateLimited<SendMsgResponse> limited) {
			return windowFull(claim, now, Answer.failed(http, limited.errorCode(), limited.errorInfo()));
		}
		if (result instanceof CallResult.Retryable<SendMsgResponse> retryable) {
			// An HTTP failure after the request left may hide an accepted message; an API
			// error code says it was not taken.
			boolean mayHaveLanded = retryable.requestSent() && retryable.errorCode() == 0;
			Integer code = (retryable.errorCode() != 0) ? retryable.errorCode() : null;
			return retryOrGiveUp(claim, claim.maybeSent() || mayHaveLanded, mayHaveLanded, now, Label.RETRY,
					answer(http, code, retryable.reason()));
		}
		if (result instanceof CallResult.OutcomeUnknown<SendMsgResponse> unknown) {
			return retryOrGiveUp(claim, true, true, now, Label.UNKNOWN, answer(http, null, unknown.reason()));
		}
		CallResult.Failed<SendMsgResponse> failed = (CallResult.Failed<SendMsgResponse>) result;
		Answer answer = Answer.failed(http, failed.errorCode(), failed.errorInfo());
		if (claim.maybeSent()) {
			// An earlier attempt may have landed (a dropped duplicate can answer an
			// error): look before calling it failed.
			return Outcome.inDoubt(now, Label.IN_DOUBT, false, answer);
		}
		return Outcome.failed(answer);
	}

	/**
	 * 10023: Tencent refused because the OA's window (1/s, 2 broadcasts/hour) is full.
	 * That is no failed attempt, so it spends none of the budget (the store gives the
	 * attempt back); the delivery waits until the window opens (rule 3). When our record
	 * of the OA explains the refusal, that is when its older broadcast leaves the hour.
	 * Otherwise someone we do not see sent to it: the first time we wait out the second,
	 * a repeat means the hour is full, and every broadcast in it lies before now. Waiting
	 * is bounded in time instead of in attempts.
	 */
	private Outcome windowFull(Claim claim, Instant now, Answer answer) {
		Instant opens = claim.window().nextAllowedAt(now);
		if (!opens.isAfter(now.plus(OaWindow.MIN_INTERVAL))) {
			Integer last = claim.lastErrorCode();
			boolean repeated = last != null && last == TencentErrorCodes.OA_FREQUENCY_LIMIT;
			opens = now.plus(repeated ? OaWindow.BROADCAST_WINDOW : OaWindow.MIN_INTERVAL);
		}
		if (opens.isAfter(claim.firstAttemptAt().plus(WINDOW_WAIT_LIMIT))) {
			return claim.maybeSent() ? Outcome.inDoubt(now, Label.FAILED, false, answer) : Outcome.failed(answer);
		}
		return Outcome.windowFull(opens, claim.maybeSent(), answer);
	}

	private Outcome retryOrGiveUp(Claim claim, boolean maybeSent, boolean mayHaveLandedNow, Instant now, Label label,
			Answer answer) {
		boolean count = mayHaveLandedNow && !claim.windowCounted();
		if (claim.attempt() < this.maxAttempts) {
			return Outcome.retry(now.plus(backoff(claim.attempt())), label, maybeSent, count, answer);
		}
		if (maybeSent) {
			return Outcome.inDoubt(now, Label.IN_DOUBT, count, answer);
		}
		return Outcome.failed(answer);
	}

	/** A failed call's answer: FAIL with an ErrorCode, no action status without one. */
	private static Answer answer(int http, @Nullable Integer code, @Nullable String info) {
		return new Answer(http, (code != null) ? "FAIL" : null, code, info);
	}

	/**
	 * What a history lookup makes of an in-doubt delivery. Only a message proven absent
	 * is sent again; what the history cannot decide waits for an operator.
	 */
	Outcome afterLookup(Claim claim, Finding finding, Instant now) {
		Answer last = new Answer(LOOKUP_HTTP_STATUS, null, claim.lastErrorCode(), claim.lastErrorInfo());
		return switch (finding.verdict()) {
			case FOUND -> Outcome.sent(Label.RECONCILED_SENT, !claim.windowCounted(), Answer.ok(LOOKUP_HTTP_STATUS),
					finding.msgKey(), finding.msgTime());
			case ABSENT -> {
				if (claim.runState() == RunState.CANCELLED) {
					yield Outcome.cancelled(last);
				}
				yield (claim.attempt() >= this.maxAttempts) ? Outcome.failed(last) : Outcome.absent(now, last);
			}
			case UNDECIDED -> Outcome.awaitingDecision(Objects.requireNonNull(finding.reason()), Label.UNDECIDED, last);
			case UNREADABLE -> {
				// Could not read it this time: look again later, within bounds.
				Answer failed = new Answer(0, null, claim.lastErrorCode(), finding.detail());
				yield (claim.attempt() < this.maxAttempts * 2)
						? Outcome.inDoubt(now.plus(backoff(claim.attempt())), Label.IN_DOUBT, false, failed)
						: Outcome.awaitingDecision(DoubtReason.LOOKUPS_FAILED, Label.UNDECIDED, failed);
			}
		};
	}

}
