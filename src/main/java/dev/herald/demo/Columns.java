package dev.herald.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Rows gathered column by column and bound as one array per column, so any number of rows
 * is one {@code insert ... select from unnest(...)}, as the delivery engine writes its
 * batches. Times travel as ISO text for the statement to cast.
 */
final class Columns {

	private final String[] types;

	private final List<List<@Nullable Object>> values = new ArrayList<>();

	/**
	 * @param types each column's array element type: bigint, int4, bool or text
	 */
	Columns(String... types) {
		this.types = types;
		for (int i = 0; i < types.length; i++) {
			this.values.add(new ArrayList<>());
		}
	}

	void add(@Nullable Object... row) {
		if (row.length != this.types.length) {
			throw new IllegalArgumentException(row.length + " values for " + this.types.length + " columns");
		}
		for (int i = 0; i < row.length; i++) {
			Object value = row[i];
			this.values.get(i)
				.add((value instanceof Instant || value instanceof LocalTime || value instanceof LocalDate)
						? value.toString() : value);
		}
	}

	int size() {
		return this.values.get(0).size();
	}

	/** Runs the statement with one array parameter per column, unless there is no row. */
	void insert(JdbcClient jdbc, String sql) {
		if (size() == 0) {
			return;
		}
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < this.types.length; i++) {
			params.add(new SqlArrayValue(this.types[i], this.values.get(i).toArray()));
		}
		jdbc.sql(sql).params(params).update();
	}

}
