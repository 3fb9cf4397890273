package dev.herald.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * XLSX through fastexcel's streaming writer. Text goes in as inline strings (not the
 * shared string table, which would grow with every distinct MsgKey) and rows are flushed
 * to the stream every {@value #FLUSH_EVERY} rows, so memory stays flat. An XLSX cell
 * holds text as text: it is never evaluated as a formula, so no apostrophe is added.
 */
final class XlsxTable implements TableWriter {

	static final int FLUSH_EVERY = 1000;

	private static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

	private final Workbook workbook;

	private final Worksheet sheet;

	private int row;

	private boolean finished;

	XlsxTable(OutputStream out, String sheetName) {
		this.workbook = new Workbook(out, "Herald", "1.0");
		this.sheet = this.workbook.newWorksheet(sheetName);
	}

	@Override
	public void header(List<String> names) throws IOException {
		for (int column = 0; column < names.size(); column++) {
			this.sheet.inlineString(this.row, column, names.get(column));
			this.sheet.style(this.row, column).bold().set();
		}
		this.sheet.freezePane(0, 1);
		next();
	}

	@Override
	public void row(List<@Nullable Object> cells) throws IOException {
		for (int column = 0; column < cells.size(); column++) {
			Object cell = cells.get(column);
			if (cell == null) {
				continue;
			}
			if (cell instanceof Number number) {
				this.sheet.value(this.row, column, number);
			}
			else if (cell instanceof LocalDateTime time) {
				this.sheet.value(this.row, column, time);
				this.sheet.style(this.row, column).format(TIME_FORMAT).set();
			}
			else {
				this.sheet.inlineString(this.row, column, cell.toString());
			}
		}
		next();
	}

	private void next() throws IOException {
		this.row++;
		if (this.row % FLUSH_EVERY == 0) {
			this.sheet.flush();
		}
	}

	@Override
	public void finish() throws IOException {
		if (!this.finished) {
			this.finished = true;
			this.workbook.finish();
		}
	}

}
