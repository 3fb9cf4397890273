package dev.herald.tencent;

import java.util.Set;

/**
 * Tencent ErrorCodes that change what a sender does. Their words for the UI are
 * {@link ErrorCodeWords}.
 */
public final class TencentErrorCodes {

	public static final int OK = 0;

	/**
	 * Per-OA window (1/s, 2 broadcasts/h) is full: retry after the window, not at once.
	 */
	public static final int OA_FREQUENCY_LIMIT = 10023;

	/** UserSig expired: the client renews the sig and retries once by itself. */
	public static final int USER_SIG_EXPIRED = 70001;

	public static final int MESSAGE_TOO_LONG = 80002;

	/** Transient failures; a retry with the identical body is safe (5-minute dedup). */
	public static final Set<Integer> RETRYABLE = Set.of(10002, 60007, 60008, 60011, 60013, 60014, 60018, 60019);

	private TencentErrorCodes() {
	}

	public static boolean isRetryable(int errorCode) {
		return RETRYABLE.contains(errorCode);
	}

}
