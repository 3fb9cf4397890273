package dev.herald.report;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes a table row by row to a stream; nothing is kept after a row is written. Cells
 * are {@link String}, {@link Number}, {@link LocalDateTime} (already in the viewer's
 * zone) or {@code null}.
 */
interface TableWriter extends Closeable {

	void header(List<String> names) throws IOException;

	void row(List<@Nullable Object> cells) throws IOException;

	/** Finishes the file (a valid end) and flushes; does not close the stream. */
	void finish() throws IOException;

	@Override
	default void close() throws IOException {
		finish();
	}

}
