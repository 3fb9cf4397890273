package dev.herald.delivery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Rows gathered column by column, bound as one array parameter per column: a batch of
 * rows becomes a single statement ({@code unnest(?::bigint[], ...)}).
 */
final class ArrayColumns {

	private final List<List<@Nullable Object>> columns = new ArrayList<>();

	private final int rows;

	ArrayColumns(int rows) {
		this.rows = rows;
	}

	void add(@Nullable Object... row) {
		if (this.columns.isEmpty()) {
			for (int i = 0; i < row.length; i++) {
				this.columns.add(new ArrayList<>(this.rows));
			}
		}
		for (int i = 0; i < row.length; i++) {
			this.columns.get(i).add(row[i]);
		}
	}

	/**
	 * Runs the statement with one array per column.
	 * @param returned reads the rows it returns, {@code null} for an update
	 * @param types the SQL element type of each column's array, in column order
	 */
	void execute(Connection connection, String sql, @Nullable RowCallbackHandler returned, String... types)
			throws SQLException {
		List<Array> arrays = new ArrayList<>(types.length);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < types.length; i++) {
				Array array = connection.createArrayOf(types[i], this.columns.get(i).toArray());
				arrays.add(array);
				statement.setArray(i + 1, array);
			}
			if (returned == null) {
				statement.executeUpdate();
				return;
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					returned.processRow(rs);
				}
			}
		}
		finally {
			for (Array array : arrays) {
				array.free();
			}
		}
	}

}
