package dev.herald.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTests {

	@Test
	void neutralisesEveryFormulaStart() {
		for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
			assertThat(CsvTable.neutralise(dangerous)).isEqualTo("'" + dangerous);
		}
		assertThat(CsvTable.neutralise("plain")).isEqualTo("plain");
		assertThat(CsvTable.neutralise("a=b")).isEqualTo("a=b");
		assertThat(CsvTable.neutralise("")).isEmpty();
	}

	@Test
	void numbersAndTimesWrittenByHeraldAreLeftAlone() {
		assertThat(CsvTable.text(-1)).isEqualTo("-1");
		assertThat(CsvTable.text(LocalDateTime.parse("2026-01-02T03:04:05"))).isEqualTo("2026-01-02 03:04:05");
		assertThat(CsvTable.text(null)).isEmpty();
	}

	@Test
	void timesAreWrittenLikeTheFormatterWouldForEveryFieldWidth() {
		for (String time : List.of("2026-12-31T23:59:59", "2024-02-29T00:00:00.999", "1999-09-09T09:09:09",
				"0999-01-01T01:01:01", "2026-11-25T10:05:00")) {
			LocalDateTime value = LocalDateTime.parse(time);
			assertThat(CsvTable.format(value)).as(time).isEqualTo(CsvTable.TIME.format(value));
		}
	}

	@Test
	void writesRfc4180WithBomAndCrlf() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvTable table = new CsvTable(out)) {
			table.header(List.of("a", "b"));
			table.row(Arrays.asList("x,y", "say \"hi\"\nbye"));
			table.row(Arrays.asList(null, 7));
		}
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("\uFEFFa,b\r\n\"x,y\",\"say \"\"hi\"\"\nbye\"\r\n\"\",7\r\n");
	}

}
