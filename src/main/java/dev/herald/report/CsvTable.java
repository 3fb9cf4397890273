package dev.herald.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

	private final BufferedWriter writer;

	private final CSVPrinter printer;

	private boolean finished;

	CsvTable(OutputStream out) throws IOException {
		this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		this.writer.write(BYTE_ORDER_MARK);
		this.printer = new CSVPrinter(this.writer, CSVFormat.RFC4180);
	}

	@Override
	public void header(List<String> names) throws IOException {
		row(List.copyOf(names));
	}

	@Override
	public void row(List<@Nullable Object> cells) throws IOException {
		for (Object cell : cells) {
			this.printer.print(text(cell));
		}
		this.printer.println();
	}

	@Override
	public void finish() throws IOException {
		if (!this.finished) {
			this.finished = true;
			this.printer.flush();
		}
	}

	static String text(@Nullable Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof LocalDateTime time) {
			return TIME.format(time);
		}
		if (cell instanceof Number) {
			return cell.toString();
		}
		return neutralise(cell.toString());
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
