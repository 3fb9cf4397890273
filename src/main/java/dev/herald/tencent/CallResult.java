package dev.herald.tencent;

/**
 * How one API call ended, decided from the response body (HTTP status only when there is
 * no readable body). Callers never see an exception for a remote failure.
 *
 * <p>
 * {@code httpStatus} is 0 when no HTTP response arrived.
 *
 * @param <T> the response type of a successful call
 */
public sealed interface CallResult<T> permits CallResult.Success, CallResult.Retryable, CallResult.RateLimited,
		CallResult.Failed, CallResult.OutcomeUnknown {

	int httpStatus();

	/** ErrorCode 0: the call did what was asked. */
	record Success<T>(T response, int httpStatus) implements CallResult<T> {

	}

	/**
	 * Safe to try again with backoff.
	 *
	 * @param reason short technical reason without secrets (e.g.
	 * {@code "connect refused"}, {@code "HTTP 502"}, {@code "ErrorCode 60007"})
	 * @param errorCode Tencent's ErrorCode, 0 when the failure was below the API
	 * @param requestSent false only when the request provably never left this process
	 */
	record Retryable<T>(String reason, int errorCode, String errorInfo, int httpStatus,
			boolean requestSent) implements CallResult<T> {

	}

	/**
	 * ErrorCode 10023: the OA's own window (1 message/s, 2 broadcasts/hour) is full.
	 * Retry only after that window has passed, never in a tight loop.
	 */
	record RateLimited<T>(int errorCode, String errorInfo, int httpStatus) implements CallResult<T> {

	}

	/** Will not succeed by repeating it. */
	record Failed<T>(int errorCode, String errorInfo, int httpStatus) implements CallResult<T> {

	}

	/**
	 * The request may have reached Tencent but no readable answer came back (timeout or
	 * reset after sending, or an unreadable body). For a send, the message may or may not
	 * be out.
	 */
	record OutcomeUnknown<T>(String reason, int httpStatus) implements CallResult<T> {

	}

}
