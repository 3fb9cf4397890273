package dev.herald.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst in a real browser filters the send history, pages through it (htmx swaps the
 * results and the URL follows), and downloads a CSV whose rows are the rows on screen.
 */
@BrowserTest
class BrowserReportTests {

	@Autowired
	private TestUsers users;

	@Autowired
	private ReportFixtures fixtures;

	@Test
	void analystFiltersPagesAndDownloadsTheRowsOnScreen(Browser browser) throws IOException {
		long app = this.fixtures.app("browser");
		Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
		long run = this.fixtures.run(app, 4242L, 1L, start);
		for (int i = 0; i < 64; i++) {
			ReportFixtures.Row row = this.fixtures.row(run, app, "@TOA#_b" + i, start.plusSeconds(i)).campaign(4242);
			if (i % 5 == 0) {
				row.failed(80002, "=too long, \"12 KB\"");
			}
			row.insert();
		}
		// Another app's rows must stay out of the filtered view.
		long other = this.fixtures.app("browser-other");
		this.fixtures.row(this.fixtures.run(other, null, null, start), other, "@TOA#_x", start).insert();
		String analyst = this.users.create("analyst", "ANALYST");

		Page page = Browser.signIn(browser.newPage(), analyst);
		assertThat(page.locator("#report-charts")).isVisible();

		page.navigate("/reports/deliveries");
		page.locator("#app").selectOption(String.valueOf(app));
		page.locator("#apply-filter").click();
		assertThat(page).hasURL(Pattern.compile(".*[?&]app=" + app + ".*"));
		assertThat(page.locator("tr.delivery-row")).hasCount(DeliveryHistoryController.PAGE_SIZE);
		List<String> screen = new ArrayList<>(rowIds(page));
		Browser.screenshot(page, "reports-history");

		page.locator("#next-page").click();
		assertThat(page).hasURL(Pattern.compile(".*after=.*"));
		assertThat(page.locator("tr.delivery-row")).hasCount(64 - DeliveryHistoryController.PAGE_SIZE);
		screen.addAll(rowIds(page));
		assertThat(page.locator("#next-page")).hasCount(0);
		assertThat(page.locator("#deliveries")).containsText("80002");
		Browser.screenshot(page, "reports-history-page-2");

		Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
		String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF");
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
		List<String> exported = records.subList(1, records.size()).stream().map((record) -> record.get(0)).toList();
		assertThat(exported).containsExactlyElementsOf(screen);
		assertThat(records.get(1).get(DeliveryExport.COLUMNS.indexOf("account"))).startsWith("'@TOA#_b");

		page.navigate("/reports/runs/" + run);
		assertThat(page.locator("#total")).hasText("64");
		assertThat(page.locator("#chart-run-timeline")).hasAttribute("data-rendered", "true");
		Browser.screenshot(page, "reports-run");
	}

	private static List<String> rowIds(Page page) {
		return page.locator("tr.delivery-row").all().stream().map((row) -> row.getAttribute("data-id")).toList();
	}

}
