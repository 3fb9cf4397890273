package dev.herald.tencent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class TencentMessagesTests {

	private static final List<Integer> DOCUMENTED_CODES = List.of(10002, 10004, 10007, 10010, 10015, 10016, 10017,
			10023, 80001, 80002, 60002, 60003, 60004, 60005, 60006, 60007, 60008, 60009, 60010, 60011, 60012, 60013,
			60014, 60015, 60016, 60017, 60018, 60019, 60020, 60021, 70001, 70003, 70009, 70013, 70014, 70016, 70020,
			70050, 70051, 70107, 10030);

	@ParameterizedTest
	@ValueSource(strings = { "tencent_zh_CN", "tencent_ja" })
	void translationsHaveExactlyTheEnglishKeys(String bundle) throws IOException {
		Properties english = load("tencent");
		Properties translated = load(bundle);

		assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).allSatisfy((key) -> assertThat(key).startsWith("tencent."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tencent", "tencent_zh_CN", "tencent_ja" })
	void everyValidatorCodeAndDocumentedErrorHasWords(String bundle) throws IOException {
		Properties messages = load(bundle);

		assertThat(messages.stringPropertyNames()).containsAll(MessageValidator.CODES)
			.contains("tencent.error.unknown")
			.containsAll(DOCUMENTED_CODES.stream().map(ErrorCodeWords::messageKey).toList());
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN", "ja" })
	void violationsAndErrorCodesResolveThroughMessageSource(String languageTag) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/tencent");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		Locale locale = Locale.forLanguageTag(languageTag);
		ValidationReport report = new MessageValidator().validate(OfficialAccountMessage.of("@TOA#_a", 4294967296L,
				List.of(new MsgElement.SoundElem("https://cdn.example/u", "i", 1L, 1, 1))));

		List<String> texts = report.violations().stream().map((v) -> source.getMessage(v, locale)).toList();

		assertThat(texts).hasSize(2).allSatisfy((text) -> assertThat(text).doesNotStartWith("tencent."));
		assertThat(texts.get(0)).contains("4294967295");
		ErrorCodeWords words = new ErrorCodeWords(source);
		assertThat(words.of(10023, locale)).doesNotStartWith("tencent.");
		assertThat(words.of(99999, locale)).contains("99999");
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TencentMessagesTests.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
			assertThat(in).as(bundle).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
