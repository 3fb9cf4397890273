package dev.herald.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/** The engine's column values on plain JDBC: instants in UTC, nullable numbers. */
final class JdbcValues {

	private JdbcValues() {
	}

	static OffsetDateTime ts(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable OffsetDateTime tsOrNull(@Nullable Instant instant) {
		return (instant != null) ? ts(instant) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static @Nullable Long toLong(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : null;
	}

	static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
		if (value != null) {
			ps.setLong(index, value);
		}
		else {
			ps.setNull(index, Types.BIGINT);
		}
	}

}
