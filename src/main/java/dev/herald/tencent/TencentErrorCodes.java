package dev.herald.tencent;

import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Tencent ErrorCodes that change what a sender does, and their words for the UI
 * ({@code tencent.error.<code>} in the {@code i18n/tencent} bundles).
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

	public static String messageKey(int errorCode) {
		return "tencent.error." + errorCode;
	}

	/**
	 * The code's meaning in words, falling back to "Error code N" when the bundles do not
	 * know it; a negative code is Herald's own mark for a call that got no answer. Pages
	 * read it through {@link ErrorCodeWords}.
	 */
	public static MessageSourceResolvable describe(int errorCode) {
		if (errorCode < 0) {
			return new DefaultMessageSourceResolvable("tencent.error.noAnswer");
		}
		return new DefaultMessageSourceResolvable(new String[] { messageKey(errorCode), "tencent.error.unknown" },
				new Object[] { errorCode }, "ErrorCode " + errorCode);
	}

}
