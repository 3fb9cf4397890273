package dev.herald.officialaccount;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads an official-account CSV: {@code account_id,name,subscriber_count,test,tags},
 * header optional (with one, the columns may come in any order and any but the id may be
 * left out), only the id required. Tags are separated by semicolons, spaces or bars.
 * Every problem is reported with its line number; the caller saves nothing unless there
 * are none.
 */
final class AccountCsv {

	static final int MAX_ROWS = 100_000;

	private static final int MAX_NAME_LENGTH = 150;

	private static final List<String> COLUMNS = List.of("account_id", "name", "subscriber_count", "test", "tags");

	/**
	 * One account of the file.
	 *
	 * @param tags its tags, or {@code null} when the file has no tags column (an existing
	 * account keeps its tags)
	 */
	record Row(long line, String accountId, String name, @Nullable Long subscriberCount, boolean testAccount,
			@Nullable List<String> tags) {
	}

	record Problem(long line, String messageKey, String value) {
	}

	record Parsed(List<Row> rows, List<Problem> problems) {
	}

	private AccountCsv() {
	}

	static Parsed parse(Reader reader) {
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			boolean first = true;
			// Where each column is: by position, unless a header says otherwise.
			int[] columns = { 0, 1, 2, 3, 4 };
			boolean header = false;
			for (CSVRecord record : parser) {
				long line = parser.getCurrentLineNumber();
				if (first && header(record).contains("account_id")) {
					first = false;
					header = true;
					List<String> names = header(record);
					for (int i = 0; i < COLUMNS.size(); i++) {
						columns[i] = names.indexOf(COLUMNS.get(i));
					}
					continue;
				}
				first = false;
				if (rows.size() + problems.size() >= MAX_ROWS) {
					problems.add(new Problem(line, "accounts.import.tooManyRows", String.valueOf(MAX_ROWS)));
					break;
				}
				Row row = row(line, record, columns, header || record.size() > 4, problems);
				if (row == null) {
					continue;
				}
				Long earlier = seen.putIfAbsent(row.accountId(), line);
				if (earlier != null) {
					problems.add(new Problem(line, "accounts.import.duplicate", row.accountId()));
					continue;
				}
				rows.add(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			// Commons CSV reports broken quoting this way.
			problems.add(new Problem(0, "accounts.import.malformed", ""));
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(0, "accounts.import.empty", ""));
		}
		return new Parsed(rows, problems);
	}

	private static List<String> header(CSVRecord record) {
		List<String> names = new ArrayList<>();
		for (String cell : record) {
			names.add(stripBom(cell).toLowerCase(Locale.ROOT).replace(" ", "_"));
		}
		return names;
	}

	private static @Nullable Row row(long line, CSVRecord record, int[] columns, boolean withTags,
			List<Problem> problems) {
		String accountId = stripBom(cell(record, columns[0]));
		String idProblem = AccountIds.problem(accountId);
		if (idProblem != null) {
			problems.add(new Problem(line, idProblem, accountId));
			return null;
		}
		String name = cell(record, columns[1]);
		if (name.isEmpty()) {
			name = accountId;
		}
		if (name.length() > MAX_NAME_LENGTH) {
			problems.add(new Problem(line, "accounts.import.nameTooLong", String.valueOf(MAX_NAME_LENGTH)));
			return null;
		}
		Long subscribers = null;
		String count = cell(record, columns[2]);
		if (!count.isEmpty()) {
			try {
				subscribers = Long.parseLong(count);
				if (subscribers < 0) {
					throw new NumberFormatException();
				}
			}
			catch (NumberFormatException ex) {
				problems.add(new Problem(line, "accounts.import.subscribers", count));
				return null;
			}
		}
		String test = cell(record, columns[3]).toLowerCase(Locale.ROOT);
		boolean testAccount;
		switch (test) {
			case "", "false", "no", "0" -> testAccount = false;
			case "true", "yes", "1" -> testAccount = true;
			default -> {
				problems.add(new Problem(line, "accounts.import.test", test));
				return null;
			}
		}
		List<String> tags = null;
		if (withTags && columns[4] >= 0) {
			// Bars are a separator too: commas would need quotes in a CSV cell.
			tags = Tags.parse(cell(record, columns[4]).replace('|', ' '));
			String tagProblem = Tags.problem(tags);
			if (tagProblem != null) {
				problems.add(new Problem(line, tagProblem, cell(record, columns[4])));
				return null;
			}
		}
		return new Row(line, accountId, name, subscribers, testAccount, tags);
	}

	private static String cell(CSVRecord record, int index) {
		return (index >= 0 && index < record.size()) ? record.get(index).trim() : "";
	}

	private static String stripBom(String value) {
		return (!value.isEmpty() && value.charAt(0) == '\uFEFF') ? value.substring(1).trim() : value.trim();
	}

}
