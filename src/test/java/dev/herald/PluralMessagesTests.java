package dev.herald;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A count in English says "1 account" and "2 accounts": every English message that puts a
 * number before a noun chooses the noun by the number ({@code {0,choice,...}}). Chinese
 * and Japanese have no plural forms, so only the English bundles are read.
 */
class PluralMessagesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	/** Words ending in "s" that follow a number and are not plural nouns. */
	private static final Set<String> NOT_PLURAL = Set.of("is", "was", "has", "does", "contains", "appears", "happens",
			"as", "its", "this");

	/** A placeholder ({0}, {1,number,integer}) directly followed by a word. */
	private static final Pattern NUMBER_AND_WORD = Pattern.compile("\\{\\d+(,number(,[^}]*)?)?\\}\\s+([a-z]+)\\b");

	private static final Pattern CHOICE = Pattern.compile("\\{\\d+,choice,");

	private static final Pattern RENDERED_COUNT = Pattern.compile("\\b([12]) ([a-z]+)\\b");

	@Test
	void noNumberStandsBeforeAFixedPluralNoun() throws IOException {
		List<String> fixed = new ArrayList<>();
		english().forEach((key, pattern) -> {
			Matcher matcher = NUMBER_AND_WORD.matcher(withoutChoices(pattern));
			while (matcher.find()) {
				String word = matcher.group(3);
				if (word.length() > 1 && word.endsWith("s") && !NOT_PLURAL.contains(word)) {
					fixed.add(key + ": " + matcher.group());
				}
			}
		});
		assertThat(fixed).as("use {n,choice,1#1 thing|1<{n,number,integer} things}").isEmpty();
	}

	@Test
	void everyCountRendersOneThingAndTwoThings() throws IOException {
		List<String> wrong = new ArrayList<>();
		english().forEach((key, pattern) -> {
			if (!pattern.contains("{")) {
				return;
			}
			String one = format(pattern, 1);
			String two = format(pattern, 2);
			// A plural noun that follows "2" must not follow "1" too.
			for (String plural : following(two, "2")) {
				if (plural.length() > 1 && plural.endsWith("s") && !NOT_PLURAL.contains(plural)
						&& following(one, "1").contains(plural)) {
					wrong.add(key + ": \"" + one + "\"");
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void theCountsOfTheIssueReadRight() throws IOException {
		Map<String, String> english = english();
		assertThat(format(english.get("accounts.bulk.done.archive"), 1)).isEqualTo("1 account archived.");
		assertThat(format(english.get("accounts.bulk.done.archive"), 2)).isEqualTo("2 accounts archived.");
		assertThat(format(english.get("accounts.matching"), 1)).isEqualTo("1 matching account");
		assertThat(format(english.get("accounts.matching"), 1234)).isEqualTo("1,234 matching accounts");
		assertThat(format(english.get("groups.filter.matches"), 1)).isEqualTo("Matches 1 account now.");
		assertThat(format(english.get("campaigns.group.members"), 2)).isEqualTo("2 accounts");
		assertThat(format(english.get("chatapp.scheduledWarning"), 1))
			.startsWith("It still has 1 scheduled, running or paused campaign.");
		assertThat(format(english.get("accounts.import.failed"), 1))
			.isEqualTo("Nothing was imported: 1 problem to fix.");
		assertThat(format(english.get("campaigns.plan.rate"), 1))
			.startsWith("1 official account per run at 1 call per second;");
	}

	private static String format(String pattern, int number) {
		Object[] arguments = new Object[10];
		Arrays.fill(arguments, number);
		return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
	}

	private static List<String> following(String text, String number) {
		List<String> words = new ArrayList<>();
		Matcher matcher = RENDERED_COUNT.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).equals(number)) {
				words.add(matcher.group(2));
			}
		}
		return words;
	}

	/** The pattern with every {n,choice,...} taken out. */
	private static String withoutChoices(String pattern) {
		StringBuilder result = new StringBuilder();
		int i = 0;
		while (i < pattern.length()) {
			Matcher choice = CHOICE.matcher(pattern).region(i, pattern.length());
			if (!choice.lookingAt()) {
				result.append(pattern.charAt(i++));
				continue;
			}
			int depth = 0;
			do {
				char c = pattern.charAt(i++);
				depth += (c == '{') ? 1 : (c == '}') ? -1 : 0;
			}
			while (depth > 0 && i < pattern.length());
		}
		return result.toString();
	}

	private static Map<String, String> english() throws IOException {
		Map<String, String> messages = new TreeMap<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path file : files.filter((f) -> !f.getFileName().toString().contains("_")).toList()) {
				Properties properties = new Properties();
				try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				properties.forEach((key, value) -> messages.put(key.toString(), value.toString()));
			}
		}
		return messages;
	}

}
