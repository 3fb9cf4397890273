package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import dev.herald.tencent.CallResult;
import dev.herald.tencent.SendMsgResponse;
import org.jspecify.annotations.Nullable;

/**
 * The sending rules in one place (product.md rules 3 and 4): what a claimed delivery does
 * next (send or reconcile) and what an attempt's result makes of it. Pure: time and
 * jitter come in as arguments.
 */
final class RetryPolicy {

	enum Mode {

		SEND, RECONCILE

	}

	/** What a history lookup found. */
	enum Lookup {

		FOUND, ABSENT, UNKNOWN

	}

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
				properties.resendWindow(), () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * Resend as-is while Tencent's duplicate filter still covers an earlier attempt that
	 * may have landed; after that, look it up first. A cancelled run never sends again.
	 */
	Mode mode(Claim claim, Instant now) {
		if (claim.previousStatus() == DeliveryStatus.IN_DOUBT) {
			return Mode.RECONCILE;
		}
		if (claim.maybeSent() && (claim.runState() != RunState.RUNNING
				|| !now.isBefore(claim.firstAttemptAt().plus(this.resendWindow)))) {
			return Mode.RECONCILE;
		}
		return Mode.SEND;
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
				return new Outcome(DeliveryStatus.IN_DOUBT, now, true, !claim.windowCounted(), false,
						"sent_without_key", http, "OK", 0, null, null, null);
			}
			return new Outcome(DeliveryStatus.SENT, null, true, !claim.windowCounted(), false, "sent", http, "OK", 0,
					null, response.msgKey(), response.msgTime());
		}
		if (result instanceof CallResult.RateLimited<SendMsgResponse> limited) {
			Duration wait = backoff(claim.attempt());
			if (wait.compareTo(OaWindow.MIN_INTERVAL) < 0) {
				wait = OaWindow.MIN_INTERVAL;
			}
			return retryOrGiveUp(claim, claim.maybeSent(), false, now, wait, "rate_limited", http, limited.errorCode(),
					limited.errorInfo());
		}
		if (result instanceof CallResult.Retryable<SendMsgResponse> retryable) {
			// An HTTP failure after the request left may hide an accepted message; an API
			// error code says it was not taken.
			boolean mayHaveLanded = retryable.requestSent() && retryable.errorCode() == 0;
			return retryOrGiveUp(claim, claim.maybeSent() || mayHaveLanded, mayHaveLanded, now,
					backoff(claim.attempt()), "retry", http,
					(retryable.errorCode() != 0) ? retryable.errorCode() : null, retryable.reason());
		}
		if (result instanceof CallResult.OutcomeUnknown<SendMsgResponse> unknown) {
			return retryOrGiveUp(claim, true, true, now, backoff(claim.attempt()), "unknown", http, null,
					unknown.reason());
		}
		CallResult.Failed<SendMsgResponse> failed = (CallResult.Failed<SendMsgResponse>) result;
		if (claim.maybeSent()) {
			// An earlier attempt may have landed (a dropped duplicate can answer an
			// error): look before calling it failed.
			return new Outcome(DeliveryStatus.IN_DOUBT, now, true, false, false, "in_doubt", http, "FAIL",
					failed.errorCode(), truncate(failed.errorInfo()), null, null);
		}
		return new Outcome(DeliveryStatus.FAILED, null, false, false, false, "failed", http, "FAIL", failed.errorCode(),
				truncate(failed.errorInfo()), null, null);
	}

	private Outcome retryOrGiveUp(Claim claim, boolean maybeSent, boolean mayHaveLandedNow, Instant now, Duration wait,
			String label, int http, @Nullable Integer code, @Nullable String info) {
		boolean count = mayHaveLandedNow && !claim.windowCounted();
		String action = (code != null) ? "FAIL" : null;
		if (claim.attempt() < this.maxAttempts) {
			return new Outcome(DeliveryStatus.QUEUED, now.plus(wait), maybeSent, count, false, label, http, action,
					code, truncate(info), null, null);
		}
		if (maybeSent) {
			return new Outcome(DeliveryStatus.IN_DOUBT, now, true, count, false, "in_doubt", http, action, code,
					truncate(info), null, null);
		}
		return new Outcome(DeliveryStatus.FAILED, null, false, false, false, "failed", http, action, code,
				truncate(info), null, null);
	}

	/**
	 * What a history lookup makes of an in-doubt delivery.
	 * @param msgKey the key found (FOUND only)
	 * @param msgTime the time found (FOUND only)
	 */
	Outcome afterLookup(Claim claim, Lookup lookup, @Nullable String msgKey, @Nullable Long msgTime,
			@Nullable String reason, Instant now) {
		if (lookup == Lookup.FOUND) {
			return new Outcome(DeliveryStatus.SENT, null, true, !claim.windowCounted(), false, "reconciled_sent", 200,
					"OK", 0, null, msgKey, msgTime);
		}
		if (lookup == Lookup.ABSENT) {
			if (claim.runState() == RunState.CANCELLED) {
				return new Outcome(DeliveryStatus.CANCELLED, null, false, false, false, "reconciled_absent", 200, null,
						claim.lastErrorCode(), claim.lastErrorInfo(), null, null);
			}
			if (claim.attempt() >= this.maxAttempts) {
				return new Outcome(DeliveryStatus.FAILED, null, false, false, false, "failed", 200, null,
						claim.lastErrorCode(), claim.lastErrorInfo(), null, null);
			}
			return new Outcome(DeliveryStatus.QUEUED, now, false, false, true, "reconciled_absent", 200, null,
					claim.lastErrorCode(), claim.lastErrorInfo(), null, null);
		}
		// Could not tell: keep it in doubt and look again later, within bounds.
		Instant next = (claim.attempt() < this.maxAttempts * 2) ? now.plus(backoff(claim.attempt())) : null;
		return new Outcome(DeliveryStatus.IN_DOUBT, next, true, false, false, "in_doubt", 0, null,
				claim.lastErrorCode(), truncate((reason != null) ? reason : claim.lastErrorInfo()), null, null);
	}

	static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > 500) ? text.substring(0, 500) : text;
	}

}
