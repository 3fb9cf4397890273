package dev.herald.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;

/**
 * CSV as Excel opens it without asking: UTF-8 with a byte order mark, RFC 4180 quoting
 * (commas, quotes and line breaks inside cells), CRLF line ends. Text that a spreadsheet
 * would run as a formula (a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return) gets a leading apostrophe. Numbers and times are
 * written by Herald and left alone.
 */
final class CsvTable implements TableWriter {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	/** Quotes every text cell as RFC 4180 needs. */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	/** Rows gather here and go to the writer in blocks of about this many chars. */
	private static final int BLOCK = 32 * 1024;

	private final Writer writer;

	// Unsynchronised, unlike a BufferedWriter, which would be locked for every separator
	// and cell.
	private final StringBuilder block = new StringBuilder(BLOCK + 4096);

	private boolean finished;

	CsvTable(OutputStream out) throws IOException {
		this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		this.block.append(BYTE_ORDER_MARK);
	}

	@Override
	public void header(List<String> names) throws IOException {
		row(List.copyOf(names));
	}

	@Override
	public void row(List<@Nullable Object> cells) throws IOException {
		boolean first = true;
		for (Object cell : cells) {
			if (cell instanceof Number || cell instanceof LocalDateTime) {
				// Digits, '-', ' ' and ':' written by Herald never need quotes: skip the
				// printer's character-by-character scan, the export's largest cost.
				if (!first) {
					this.block.append(FORMAT.getDelimiterString());
				}
				this.block.append(text(cell));
			}
			else {
				FORMAT.print(text(cell), this.block, first);
			}
			first = false;
		}
		FORMAT.println(this.block);
		if (this.block.length() >= BLOCK) {
			writeBlock();
		}
	}

	private void writeBlock() throws IOException {
		this.writer.append(this.block);
		this.block.setLength(0);
	}

	@Override
	public void finish() throws IOException {
		if (!this.finished) {
			this.finished = true;
			writeBlock();
			this.writer.flush();
		}
	}

	static String text(@Nullable Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof LocalDateTime time) {
			return format(time);
		}
		if (cell instanceof Number) {
			return cell.toString();
		}
		return neutralise(cell.toString());
	}

	/**
	 * {@code yyyy-MM-dd HH:mm:ss} by hand: a million rows hold several million times, and
	 * a {@link DateTimeFormatter} costs several times more per value.
	 */
	static String format(LocalDateTime time) {
		int year = time.getYear();
		if (year < 1000 || year > 9999) {
			return TIME.format(time);
		}
		char[] text = new char[19];
		digits(text, 0, year, 4);
		text[4] = '-';
		digits(text, 5, time.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, time.getDayOfMonth(), 2);
		text[10] = ' ';
		digits(text, 11, time.getHour(), 2);
		text[13] = ':';
		digits(text, 14, time.getMinute(), 2);
		text[16] = ':';
		digits(text, 17, time.getSecond(), 2);
		return new String(text);
	}

	private static void digits(char[] text, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	/**
	 * Defuses text a spreadsheet would evaluate (CSV injection).
	 * @param text a cell's text
	 * @return the text, with a leading apostrophe where it starts like a formula
	 */
	static String neutralise(String text) {
		if (text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + text;
		}
		return text;
	}

}
