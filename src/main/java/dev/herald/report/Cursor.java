package dev.herald.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Where a keyset page ends: the sort time and id of its last row, written into links as
 * {@code <epoch microseconds>_<id>}. PostgreSQL keeps microseconds, so the text form
 * loses nothing.
 */
record Cursor(Instant time, long id) {

	String token() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.time);
		return micros + "_" + this.id;
	}

	/**
	 * Reads a token from a link.
	 * @param token the token, or {@code null}
	 * @return the cursor, or {@code null} when the token is missing or malformed (the
	 * first page is shown then)
	 */
	static @Nullable Cursor parse(@Nullable String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		int separator = token.indexOf('_');
		if (separator < 1) {
			return null;
		}
		try {
			long micros = Long.parseLong(token.substring(0, separator));
			long id = Long.parseLong(token.substring(separator + 1));
			return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

}
