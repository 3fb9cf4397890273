package dev.herald.officialaccount;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of an uploaded account CSV, bytes first: decoding and parsing
 * never throw, and a file either yields accounts that keep every rule or problems with a
 * line number and a message to show. The last byte of an input picks the encoding.
 */
class AccountCsvFuzzTests {

	private static final Properties MESSAGES = messages();

	/** Problems of the whole file rather than of a line. */
	private static final Set<String> WHOLE_FILE = Set.of("accounts.import.malformed", "accounts.import.empty",
			"accounts.import.encoding.more");

	@FuzzTest(maxDuration = "20s", maxExecutions = 10_000)
	void importYieldsValidAccountsOrNumberedProblems(FuzzedDataProvider data) {
		CsvEncoding encoding = data.pickValue(CsvEncoding.values());
		byte[] file = data.consumeRemainingAsBytes();

		CsvDecoder.Decoded decoded = CsvDecoder.decode(file, encoding);
		if (!decoded.problems().isEmpty()) {
			assertThat(decoded.text()).isEmpty();
			assertThat(decoded.problems()).hasSizeLessThanOrEqualTo(CsvDecoder.MAX_LISTED_LINES + 1);
			assertNumberedAndShown(decoded.problems(), lineFeeds(file) + 1);
			return;
		}
		AccountCsv.Parsed parsed = AccountCsv.parse(new StringReader(decoded.text()));

		assertThat(parsed.rows().isEmpty() && parsed.problems().isEmpty()).as("neither accounts nor problems")
			.isFalse();
		assertNumberedAndShown(parsed.problems(), lines(decoded.text()));
		Set<String> ids = new HashSet<>();
		for (AccountCsv.Row row : parsed.rows()) {
			assertThat(AccountIds.problem(row.accountId())).as("id %s", row.accountId()).isNull();
			assertThat(ids.add(row.accountId())).as("%s appears once", row.accountId()).isTrue();
			assertThat(row.name()).isNotEmpty().hasSizeLessThanOrEqualTo(150);
			if (row.subscriberCount() != null) {
				assertThat(row.subscriberCount()).isNotNegative();
			}
			if (row.tags() != null) {
				assertThat(Tags.problem(row.tags())).isNull();
			}
			assertThat(row.line()).isBetween(1L, lines(decoded.text()));
		}
	}

	private static void assertNumberedAndShown(List<AccountCsv.Problem> problems, long lines) {
		for (AccountCsv.Problem problem : problems) {
			assertThat(MESSAGES).as("message for %s", problem).containsKey(problem.messageKey());
			if (WHOLE_FILE.contains(problem.messageKey())) {
				assertThat(problem.line()).as(problem.toString()).isZero();
			}
			else {
				assertThat(problem.line()).as(problem.toString()).isBetween(1L, lines);
			}
		}
	}

	/**
	 * Line feeds are single bytes in every encoding offered, so they count lines before
	 * decoding.
	 */
	private static long lineFeeds(byte[] file) {
		long count = 0;
		for (byte b : file) {
			if (b == '\n') {
				count++;
			}
		}
		return count;
	}

	/** Lines as a reader counts them: a line ends at CR, LF or CR LF. */
	private static long lines(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n').chars().filter((c) -> c == '\n').count() + 1;
	}

	private static Properties messages() {
		Properties messages = new Properties();
		try (InputStream in = AccountCsvFuzzTests.class.getResourceAsStream("/i18n/accounts.properties")) {
			messages.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return messages;
	}

}
