package dev.herald.officialaccount;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the members of a static group from a CSV: one {@code @TOA#_} id per line (first
 * column; a header {@code account_id} is optional, further columns are ignored).
 */
final class MemberCsv {

	record Parsed(Map<String, Long> lines, List<AccountCsv.Problem> problems) {

	}

	private MemberCsv() {
	}

	/** The ids by the line they are on, and every problem by line. */
	static Parsed parse(Reader reader) {
		Map<String, Long> lines = new LinkedHashMap<>();
		List<AccountCsv.Problem> problems = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			boolean first = true;
			for (CSVRecord record : parser) {
				long line = parser.getCurrentLineNumber();
				String id = record.get(0).replace("\uFEFF", "").trim();
				if (first && id.equalsIgnoreCase("account_id")) {
					first = false;
					continue;
				}
				first = false;
				if (lines.size() >= AccountCsv.MAX_ROWS) {
					problems.add(new AccountCsv.Problem(line, "accounts.import.tooManyRows",
							String.valueOf(AccountCsv.MAX_ROWS)));
					break;
				}
				String problem = AccountIds.problem(id);
				if (problem != null) {
					problems.add(new AccountCsv.Problem(line, problem, id));
				}
				else {
					lines.putIfAbsent(id, line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			// Commons CSV reports broken quoting this way.
			problems.add(new AccountCsv.Problem(0, "accounts.import.malformed", ""));
		}
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add(new AccountCsv.Problem(0, "accounts.import.empty", ""));
		}
		return new Parsed(lines, problems);
	}

}
