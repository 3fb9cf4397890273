package dev.herald.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The file formats of exports.
 */
enum ExportFormat {

	CSV("text/csv; charset=UTF-8", "csv"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String contentType;

	private final String extension;

	ExportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	TableWriter open(OutputStream out, String sheetName) throws IOException {
		return (this == CSV) ? new CsvTable(out) : new XlsxTable(out, sheetName);
	}

	/**
	 * The format a link asks for.
	 * @param name {@code csv} or {@code xlsx}, any case
	 * @return the format, or {@code null} for anything else
	 */
	static @Nullable ExportFormat of(@Nullable String name) {
		if (name == null) {
			return null;
		}
		for (ExportFormat format : values()) {
			if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
				return format;
			}
		}
		return null;
	}

}
