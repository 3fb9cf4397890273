package dev.herald;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string is a message key with English, Simplified Chinese and Japanese
 * text: no bundle may miss a key another has, no template may hold literal text, and no
 * template may use a key the bundles lack.
 */
class I18nMessagesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final List<String> LOCALES = List.of("", "_zh_CN", "_ja");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	@Test
	void everyBundleHasEveryKeyInEveryLocale() throws IOException {
		for (String bundle : bundleNames()) {
			Set<String> english = load(bundle, "").stringPropertyNames();
			for (String locale : LOCALES) {
				Properties translated = load(bundle, locale);
				assertThat(translated.stringPropertyNames()).as("keys of %s%s", bundle, locale)
					.containsExactlyInAnyOrderElementsOf(english);
				translated
					.forEach((key, value) -> assertThat(value.toString().trim()).as("%s in %s%s", key, bundle, locale)
						.isNotEmpty());
			}
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template);
			String withoutComments = html.replaceAll("(?s)<!--.*?-->", "");
			String withoutScripts = withoutComments.replaceAll("(?s)<script.*?</script>", "");
			String text = withoutScripts.replaceAll("(?s)<[^>]*>", "\n");
			for (String line : text.split("\n")) {
				String trimmed = line.trim();
				if (trimmed.isEmpty() || trimmed.matches("[\\p{Punct}\\s×·|]*")) {
					continue;
				}
				literals.add(TEMPLATES.relativize(template) + ": " + trimmed);
			}
		}
		assertThat(literals).as("literal text in templates; use th:text with a message key").isEmpty();
	}

	@Test
	void templatesUseOnlyKnownKeys() throws IOException {
		Set<String> known = new TreeSet<>();
		for (String bundle : bundleNames()) {
			known.addAll(load(bundle, "").stringPropertyNames());
		}
		List<String> unknown = new ArrayList<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!known.contains(matcher.group(1))) {
					unknown.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(unknown).isEmpty();
	}

	private static List<String> bundleNames() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			List<String> names = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".properties") && !name.contains("_"))
				.map((name) -> name.substring(0, name.length() - ".properties".length()))
				.sorted()
				.toList();
			assertThat(names).contains("messages");
			return names;
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(String bundle, String locale) throws IOException {
		Path file = BUNDLES.resolve(bundle + locale + ".properties");
		assertThat(file).as("bundle file").exists();
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
