package dev.herald.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts draw with the smaller ECharts build (bars, lines, a pie, tooltips and
 * legends), from content-hashed script URLs, and the pages log no error to the console:
 * no script refused by the Content-Security-Policy, no feature the Permissions-Policy
 * names that the browser does not know, no missing favicon.
 */
@BrowserTest
class BrowserChartsTests {

	@Autowired
	private TestUsers users;

	@Autowired
	private ReportFixtures fixtures;

	@Test
	void chartsDrawWithoutConsoleErrors(Browser browser) {
		long app = this.fixtures.app("charts");
		Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
		long run = this.fixtures.run(app, null, null, start);
		for (int i = 0; i < 12; i++) {
			ReportFixtures.Row row = this.fixtures.row(run, app, "@TOA#_c" + i, start.plusSeconds(i * 60L));
			if (i % 4 == 0) {
				row.failed(80002, "too long");
			}
			row.insert();
		}
		Page page = browser.newPage();
		List<String> errors = new ArrayList<>();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type()) || "warning".equals(message.type())) {
				errors.add(message.type() + ": " + message.text());
			}
		});
		page.onPageError((error) -> errors.add("page error: " + error));
		Browser.signIn(page, this.users.create("charts", "ANALYST"));

		for (String chart : List.of("sends-per-day", "success-rate", "top-errors", "per-app")) {
			assertThat(page.locator("#chart-" + chart)).hasAttribute("data-rendered", "true");
		}
		page.navigate("/reports/runs/" + run);
		assertThat(page.locator("#chart-run-timeline")).hasAttribute("data-rendered", "true");
		assertThat(page.locator("script[src*='/echarts/']")).hasAttribute("src",
				Pattern.compile(".*/echarts\\.common\\.min-[0-9a-f]{32}\\.js"));
		assertThat(errors).isEmpty();
	}

}
