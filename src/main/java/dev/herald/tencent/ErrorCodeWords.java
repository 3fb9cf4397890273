package dev.herald.tencent;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Tencent's answers in the reader's words, the one place pages, flash messages and
 * exports get them from: an ErrorCode ({@code tencent.error.<code>} in the
 * {@code i18n/tencent} bundles) or a whole failed call, never the client's technical
 * reason. Templates call it as {@code @errorCodeWords.of(code)}.
 */
@Component
public class ErrorCodeWords {

	private final MessageSource messages;

	ErrorCodeWords(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * An ErrorCode in the viewer's language.
	 * @param code the code, {@code null} or 0 for none
	 * @return its meaning, or an empty string for none
	 */
	public String of(@Nullable Integer code) {
		return (code == null || code == TencentErrorCodes.OK) ? "" : of(code, LocaleContextHolder.getLocale());
	}

	/**
	 * An ErrorCode with its meaning, as a table cell shows it: {@code 20004 <meaning>},
	 * or only the meaning for Herald's own "no answer" codes.
	 * @param code the code, {@code null} or 0 for none
	 * @return the code and its meaning, or an empty string for none
	 */
	public String labelled(@Nullable Integer code) {
		String words = of(code);
		return (code == null || code <= 0) ? words : code + " " + words;
	}

	/**
	 * An ErrorCode in the given language, falling back to "Error code N" when the bundles
	 * do not know it; a negative code is Herald's own mark for a call that got no answer.
	 */
	public String of(int code, Locale locale) {
		return this.messages.getMessage(describe(code), locale);
	}

	static String messageKey(int errorCode) {
		return "tencent.error." + errorCode;
	}

	private static MessageSourceResolvable describe(int errorCode) {
		if (errorCode < 0) {
			return new DefaultMessageSourceResolvable("tencent.error.noAnswer");
		}
		return new DefaultMessageSourceResolvable(new String[] { messageKey(errorCode), "tencent.error.unknown" },
				new Object[] { errorCode }, "ErrorCode " + errorCode);
	}

	/**
	 * Why a call did not succeed: its ErrorCode and that code's meaning, or what happened
	 * on the way (nothing sent, an HTTP status, no readable answer).
	 * @param result a call that did not succeed
	 * @param locale the reader's language
	 * @return the reason in words
	 */
	public String failure(CallResult<?> result, Locale locale) {
		int code = errorCode(result);
		if (code != TencentErrorCodes.OK) {
			return code + " " + of(code, locale);
		}
		return this.messages.getMessage(withoutCode(result), locale);
	}

	private static int errorCode(CallResult<?> result) {
		if (result instanceof CallResult.Failed<?> failed) {
			return failed.errorCode();
		}
		if (result instanceof CallResult.Retryable<?> retryable) {
			return retryable.errorCode();
		}
		if (result instanceof CallResult.RateLimited<?> limited) {
			return limited.errorCode();
		}
		return TencentErrorCodes.OK;
	}

	private static DefaultMessageSourceResolvable withoutCode(CallResult<?> result) {
		if (result instanceof CallResult.Retryable<?> retryable) {
			return retryable.requestSent()
					? new DefaultMessageSourceResolvable(new String[] { "tencent.call.http" },
							new Object[] { String.valueOf(retryable.httpStatus()) })
					: new DefaultMessageSourceResolvable("tencent.call.notSent");
		}
		if (result instanceof CallResult.OutcomeUnknown<?>) {
			return new DefaultMessageSourceResolvable("tencent.call.noAnswer");
		}
		if (result instanceof CallResult.Failed<?>) {
			// Failed without an ErrorCode: the request could not even be built.
			return new DefaultMessageSourceResolvable("tencent.call.badAddress");
		}
		throw new IllegalArgumentException("Not a failure: " + result);
	}

}
