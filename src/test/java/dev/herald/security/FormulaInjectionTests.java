package dev.herald.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * CSV/XLSX formula injection through text people typed into Herald (app and account
 * names, campaign labels) and text Tencent echoed back (ErrorInfo, MsgKey).
 * {@code ExportTests} covers {@code =}, {@code -} and {@code @} in Tencent's fields; this
 * covers the other trigger characters, the user-typed columns, and that XLSX keeps such
 * text as text.
 */
@ApplicationTest
class FormulaInjectionTests {

	private static final String APP_NAME = "=cmd|' /C calc'!A0 ";

	private static final String CAMPAIGN_LABEL = "=HYPERLINK(\"http://evil.example/\",\"click\")";

	private static final List<String> ACCOUNT_NAMES = List.of("+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Test
	void userTypedAndEchoedTextNeverBecomesAFormula() throws IOException {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_400_000_000L, 1_500_000_000L);
		ChatAppView app = this.chatApps.create(new ChatAppSettings(APP_NAME + suffix, sdkAppId, Endpoint.CUSTOM,
				"http://127.0.0.1:9/sim", "administrator", 200), "formula-secret");
		long campaign = this.campaignFixtures.completedCampaign(app.id(), CAMPAIGN_LABEL);
		Timestamp now = Timestamp.from(Instant.now());
		long run = this.jdbc
			.sql("""
					insert into send_run (chat_app_id, campaign_id, content_json, state, total, created_at, state_changed_at,
					  finished_at)
					values (?, ?, '{}', 'FINISHED', ?, ?, ?, ?) returning id""")
			.params(app.id(), campaign, ACCOUNT_NAMES.size(), now, now, now)
			.query(Long.class)
			.single();
		for (int i = 0; i < ACCOUNT_NAMES.size(); i++) {
			String oa = "@TOA#_formula_" + suffix + "_" + i;
			this.accounts.add(app.id(), oa, ACCOUNT_NAMES.get(i), 0, false);
			this.jdbc.sql("""
					insert into delivery (run_id, chat_app_id, campaign_id, official_account, random, status, attempts,
					  first_attempt_at, last_attempt_at, http_status, action_status, error_code, error_info, msg_key,
					  created_at)
					values (?, ?, ?, ?, ?, 'FAILED', 1, ?, ?, 200, 'FAIL', 20001, ?, ?, ?)""")
				.params(run, app.id(), campaign, oa, i, now, now, ACCOUNT_NAMES.get(i), ACCOUNT_NAMES.get(i),
						Timestamp.from(now.toInstant().plusMillis(i)))
				.update();
		}

		MvcTestResult csv = export(app.id(), "csv");
		String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).substring(1);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
		assertThat(records).hasSize(ACCOUNT_NAMES.size() + 1);
		List<String> header = records.get(0).toList();
		int appName = header.indexOf("Chat app name");
		int accountName = header.indexOf("Account name");
		int errorInfo = header.indexOf("ErrorInfo");
		int msgKey = header.indexOf("MsgKey");
		int campaignLabel = header.indexOf("Campaign label");
		assertThat(List.of(appName, accountName, errorInfo, msgKey, campaignLabel)).as("columns in %s", header)
			.doesNotContain(-1);
		for (int i = 0; i < ACCOUNT_NAMES.size(); i++) {
			CSVRecord record = records.get(i + 1);
			String value = ACCOUNT_NAMES.get(i);
			assertThat(record.get(appName)).isEqualTo("'" + APP_NAME + suffix);
			assertThat(record.get(campaignLabel)).isEqualTo("'" + CAMPAIGN_LABEL);
			assertThat(List.of(record.get(accountName), record.get(errorInfo), record.get(msgKey))).as("row %d", i)
				.containsOnly("'" + value);
		}

		MvcTestResult xlsx = export(app.id(), "xlsx");
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(ACCOUNT_NAMES.size() + 1);
			for (Row row : rows) {
				for (Cell cell : row) {
					if (cell != null) {
						assertThat(cell.getType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
						assertThat(cell.getFormula()).as("cell %s", cell.getAddress()).isNull();
					}
				}
			}
			for (int i = 0; i < ACCOUNT_NAMES.size(); i++) {
				Row row = rows.get(i + 1);
				assertThat(row.getCell(appName).getType()).isEqualTo(CellType.STRING);
				assertThat(row.getCellText(appName)).isEqualTo(APP_NAME + suffix);
				assertThat(row.getCell(campaignLabel).getType()).isEqualTo(CellType.STRING);
				assertThat(row.getCellText(campaignLabel)).isEqualTo(CAMPAIGN_LABEL);
				assertThat(row.getCell(accountName).getType()).isEqualTo(CellType.STRING);
				assertThat(row.getCellText(accountName)).isEqualTo(ACCOUNT_NAMES.get(i));
			}
		}
	}

	private MvcTestResult export(long app, String format) {
		MvcTestResult result = this.mvc.get()
			.uri("/reports/deliveries/export?sort=oldest&format=" + format + "&app=" + app)
			.with(user("formula-analyst").roles("ANALYST"))
			.exchange();
		assertThat(result).hasStatusOk();
		return result;
	}

}
