package dev.herald.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import jakarta.servlet.http.Cookie;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * CSV and XLSX exports over HTTP: Excel-safe CSV, XLSX that reads back, the audit line,
 * and rows streamed from a cursor.
 */
@ApplicationTest
class ExportTests {

	private static final Instant T0 = Instant.parse("2026-05-05T10:00:00Z");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DeliveryHistory history;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Autowired
	private ReportFixtures fixtures;

	@Test
	void csvIsUtf8WithBomQuotedAndFormulaSafeAndMatchesTheFilter() throws IOException {
		long app = this.fixtures.app("csv");
		String label = "Summer, \"sale\" " + UUID.randomUUID().toString().substring(0, 8);
		long campaign = this.campaignFixtures.completedCampaign(app, label);
		long run = this.fixtures.run(app, campaign, null, T0);
		this.fixtures.row(run, app, "@TOA#_formula", T0)
			.failed(10004, "=HYPERLINK(\"http://evil\",\"click\")")
			.insert();
		this.fixtures.row(run, app, "@TOA#_quote", T0.plusSeconds(1))
			.failed(20001, "a,b \"quoted\"\nsecond line")
			.insert();
		this.fixtures.row(run, app, "@TOA#_ok", T0.plusSeconds(2)).campaign(campaign).msgKey("-1+2").insert();
		String analyst = "analyst-" + UUID.randomUUID().toString().substring(0, 6);

		MvcTestResult result = this.mvc.get()
			.uri("/reports/deliveries/export?format=csv&sort=oldest&app=" + app)
			.with(user(analyst).roles("ANALYST"))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment")
			.contains("deliveries-")
			.contains(".csv");
		byte[] bytes = result.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
		assertThat(records).hasSize(4);
		assertThat(records.get(0).get(0)).isEqualTo("Delivery ID");
		int info = DeliveryExport.COLUMNS.indexOf("errorInfo");
		int key = DeliveryExport.COLUMNS.indexOf("msgKey");
		int meaning = DeliveryExport.COLUMNS.indexOf("errorMeaning");
		int account = DeliveryExport.COLUMNS.indexOf("account");
		assertThat(records.get(1).get(account)).as("OA ids start with @ and are neutralised too")
			.isEqualTo("'@TOA#_formula");
		assertThat(records.get(1).get(info)).isEqualTo("'=HYPERLINK(\"http://evil\",\"click\")");
		assertThat(records.get(1).get(meaning)).isNotBlank().doesNotContain("10004 ErrorCode");
		assertThat(records.get(2).get(info)).isEqualTo("a,b \"quoted\"\nsecond line");
		assertThat(records.get(3).get(key)).isEqualTo("'-1+2");
		int campaignId = DeliveryExport.COLUMNS.indexOf("campaign");
		int campaignLabel = DeliveryExport.COLUMNS.indexOf("campaignLabel");
		assertThat(campaignLabel).as("the label right after the campaign id").isEqualTo(campaignId + 1);
		assertThat(records.get(0).get(campaignLabel)).isEqualTo("Campaign label");
		assertThat(records.get(3).get(campaignId)).isEqualTo(String.valueOf(campaign));
		assertThat(records.get(3).get(campaignLabel)).isEqualTo(label);
		assertThat(records.get(1).get(campaignLabel)).as("rows without a campaign").isEmpty();
		assertThat(text).contains("\r\n");

		String details = this.jdbc
			.sql("select after_state::text from audit_event where action = 'report.exported' and actor = :actor")
			.param("actor", analyst)
			.query(String.class)
			.single();
		assertThat(details).contains("\"format\": \"csv\"")
			.contains("\"app\": \"" + app + "\"")
			.contains("\"sort\": \"oldest\"")
			.contains("exportedAt");
	}

	@Test
	void xlsxReadsBackWithTheSameRows() throws IOException {
		long app = this.fixtures.app("xlsx");
		long run = this.fixtures.run(app, null, null, T0);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String msgKey = "xlsx-" + i + "-" + UUID.randomUUID();
			keys.add(msgKey);
			this.fixtures.row(run, app, "@TOA#_x" + i, T0.plusSeconds(i)).msgKey(msgKey).insert();
		}
		MvcTestResult result = this.mvc.get()
			.uri("/reports/deliveries/export?format=xlsx&sort=oldest&app=" + app)
			.with(user("analyst").roles("ANALYST"))
			.cookie(new Cookie("herald-tz", "Asia%2FTokyo"))
			.exchange();
		assertThat(result).hasStatusOk();
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(31);
			int key = DeliveryExport.COLUMNS.indexOf("msgKey");
			int created = DeliveryExport.COLUMNS.indexOf("created");
			assertThat(rows.get(0).getCellText(created)).isEqualTo("Created (Asia/Tokyo)");
			assertThat(rows.get(0).getCellText(DeliveryExport.COLUMNS.indexOf("campaignLabel")))
				.isEqualTo("Campaign label");
			assertThat(rows.subList(1, 31).stream().map((row) -> row.getCellText(key)).toList())
				.containsExactlyElementsOf(keys);
			assertThat(rows.get(1).getCellAsDate(created)).contains(LocalDateTime.parse("2026-05-05T19:00:00"));
			assertThat(rows.get(1).getCellAsNumber(DeliveryExport.COLUMNS.indexOf("attempts")))
				.hasValueSatisfying((n) -> assertThat(n.intValue()).isEqualTo(1));
		}
	}

	@Test
	void exportStreamsFromADatabaseCursorInsteadOfLoadingEveryRow() throws IOException {
		long app = this.fixtures.app("stream");
		long run = this.fixtures.run(app, null, null, T0);
		int total = 3 * DeliveryHistory.FETCH_SIZE + 7;
		this.jdbc
			.sql("""
					insert into delivery (run_id, chat_app_id, official_account, random, status, attempts, created_at, msg_key)
					select :run, :app, '@TOA#_s' || n, n, 'SENT', 1, :t0::timestamptz + n * interval '1 millisecond', 'k' || n
					from generate_series(1, :total) n""")
			.param("run", run)
			.param("app", app)
			.param("t0", T0.toString())
			.param("total", total)
			.update();
		HistoryQuery query = new HistoryQuery(null, null, app, null, null, null, List.of(), null, null, true, null);
		AtomicLong rows = new AtomicLong();
		List<String> observed = new ArrayList<>();
		this.history.stream(query, (rs) -> {
			if (rows.getAndIncrement() == 0) {
				Connection connection = DataSourceUtils.getConnection(this.dataSource);
				// The PostgreSQL driver reads through a cursor only with auto-commit off
				// and a fetch size: then it holds FETCH_SIZE rows at a time.
				observed.add("fetchSize=" + rs.getFetchSize());
				observed.add("autoCommit=" + connection.getAutoCommit());
				observed.add("readOnly=" + connection.isReadOnly());
			}
		});
		assertThat(rows.get()).isEqualTo(total);
		assertThat(observed).containsExactly("fetchSize=" + DeliveryHistory.FETCH_SIZE, "autoCommit=false",
				"readOnly=true");

		// The file leaves while rows are still being read: bytes reach the stream long
		// before the last row.
		CountingStream out = new CountingStream();
		AtomicLong bytesAtLastRow = new AtomicLong(-1);
		TableWriter table = ExportFormat.CSV.open(out, "sheet");
		this.history.forEach(query, (line) -> {
			try {
				table.row(DeliveryExport.cells(line, ZoneOffset.UTC, (code) -> "ErrorCode " + code));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			if (line.officialAccount().equals("@TOA#_s" + total)) {
				bytesAtLastRow.set(out.count);
			}
		});
		table.finish();
		assertThat(bytesAtLastRow.get()).as("bytes written before the last row was read").isGreaterThan(out.count / 2);
	}

	private static final class CountingStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

}
