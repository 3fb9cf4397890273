package dev.herald.tencent;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tencent's answers in words: an ErrorCode, a code nobody documented, no answer at all,
 * and a failed call without a code, never the client's technical reason.
 */
class ErrorCodeWordsTests {

	private final ErrorCodeWords words = new ErrorCodeWords(messages());

	@Test
	void anErrorCodeIsItsMeaningAndAnUnknownOneSaysSo() {
		assertThat(this.words.of(80002, Locale.ENGLISH)).isEqualTo("The message is too long (at most 12 KB).");
		assertThat(this.words.of(123456, Locale.ENGLISH)).isEqualTo("Error code 123456 (no description known).");
		assertThat(this.words.of(-1, Locale.JAPANESE)).isEqualTo("Tencent から応答なし");
	}

	@Test
	void aTableCellShowsTheCodeBeforeItsMeaningButNoCodeForNoAnswer() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		try {
			assertThat(this.words.labelled(80002)).isEqualTo("80002 The message is too long (at most 12 KB).");
			assertThat(this.words.labelled(-1)).isEqualTo("No answer from Tencent");
			assertThat(this.words.labelled(0)).isEmpty();
			assertThat(this.words.labelled(null)).isEmpty();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aFailedCallWithACodeIsTheCodeAndItsMeaning() {
		assertThat(this.words.failure(new CallResult.Failed<>(70009, "sig error", 200), Locale.ENGLISH))
			.isEqualTo("70009 UserSig verification failed (wrong key or SDKAppID).");
		assertThat(this.words.failure(new CallResult.Retryable<>("ErrorCode 60007", 60007, "busy", 200, true),
				Locale.ENGLISH))
			.startsWith("60007 ");
	}

	@Test
	void aFailedCallWithoutACodeSaysWhatHappenedInTheReadersLanguage() {
		assertThat(this.words.failure(new CallResult.Retryable<>("connect failed", 0, "", 0, false), Locale.ENGLISH))
			.isEqualTo("Tencent could not be reached; nothing was sent.");
		assertThat(this.words.failure(new CallResult.Retryable<>("HTTP 502", 0, "", 502, true), Locale.ENGLISH))
			.isEqualTo("Tencent answered with HTTP status 502.");
		assertThat(
				this.words.failure(new CallResult.OutcomeUnknown<>("response timeout", 0), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("未收到腾讯可读的应答，调用可能已生效，也可能未生效。");
		assertThat(this.words.failure(new CallResult.Failed<>(0, "Invalid request URI: ...", 0), Locale.JAPANESE))
			.isEqualTo("この Chat アプリの API アドレスは有効な URL ではありません。");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/tencent");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
