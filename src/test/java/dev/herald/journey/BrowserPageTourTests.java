package dev.herald.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import dev.herald.staff.Role;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page kind, for every role, in a real browser: each page answers as it should and
 * axe-core finds no serious or critical violation on it, as loaded and once htmx has
 * brought in the rest (the audit itself runs in {@link Browser}).
 */
@BrowserTest
class BrowserPageTourTests {

	@Autowired
	private PageTour tour;

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "OPERATOR", "EDITOR", "ANALYST", "ADMIN" })
	void everyPageKindOfTheRoleIsAccessible(Role role, Browser browser) {
		Page page = Browser.signIn(browser.newPage(), this.tour.user(role));
		List<String> wrong = new ArrayList<>();
		for (PageTour.Stop stop : this.tour.stopsFor(role)) {
			visit(browser, page, stop, wrong);
		}
		assertThat(wrong).as("pages that answered otherwise for " + role).isEmpty();
	}

	@Test
	void thePagesBeforeSigningInAreAccessible(Browser browser) {
		Page page = browser.newPage();
		List<String> wrong = new ArrayList<>();
		for (PageTour.Stop stop : PageTour.publicStops()) {
			visit(browser, page, stop, wrong);
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * The send history and the calendar at 1,400 and 1,280 px and on a phone. At 1,400 px
	 * every column of the send history shows (the Recall column is not cut off);
	 * narrower, the table may scroll sideways, but only inside a labelled region the
	 * keyboard can reach, never the page. The calendar shows seven days of equal width,
	 * and scrolls the same way on a phone.
	 */
	@Test
	void theSendHistoryAndTheCalendarFitWideScreensAndScrollOnAPhone(Browser browser) {
		Page page = Browser.signIn(browser.newPage(), this.tour.user(Role.ANALYST));
		String history = "/reports/deliveries?app=" + this.tour.app();
		String calendar = "/campaigns/calendar?date=" + this.tour.today();
		for (int width : new int[] { 1400, 1280, 390 }) {
			page.setViewportSize(width, 900);
			page.navigate(history);
			PlaywrightAssertions.assertThat(page.locator("#deliveries tr.delivery-row")).hasCount(3);
			Region table = usableRegion(page, width);
			if (width == 1400) {
				assertThat(table.scrollWidth()).as("the send history fits at %d px", width)
					.isLessThanOrEqualTo(table.width());
				BoundingBox recall = page.locator("#deliveries thead th").last().boundingBox();
				assertThat(recall.x + recall.width).as("the Recall column's right edge").isLessThanOrEqualTo(width);
			}
			Browser.screenshot(page, "tour-history-" + width);
			page.navigate(calendar);
			Region grid = usableRegion(page, width);
			List<Double> days = page.locator("#calendar thead th")
				.all()
				.stream()
				.map((day) -> day.boundingBox().width)
				.toList();
			assertThat(days).as("day widths at %d px", width).hasSize(7).allSatisfy((day) -> {
				assertThat(day).isCloseTo(days.get(0), Offset.offset(1.0));
				assertThat(day).isGreaterThanOrEqualTo(100.0);
			});
			if (width >= 1280) {
				assertThat(grid.scrollWidth()).as("the calendar fits at %d px", width)
					.isLessThanOrEqualTo(grid.width());
			}
			Browser.screenshot(page, "tour-calendar-" + width);
		}
	}

	/**
	 * The page's table region: labelled and reachable by keyboard wherever it scrolls,
	 * and the page itself never wider than the window.
	 */
	private static Region usableRegion(Page page, int width) {
		Region region = region(page, "main [role=region]");
		if (region.scrollWidth() > region.width()) {
			assertThat(region.label()).as("%s: the scrolling region's label", page.url()).isNotBlank();
			assertThat(region.focusable()).as("%s: the keyboard reaches the scrolling region", page.url()).isTrue();
		}
		assertThat(pageScrollWidth(page)).as("%s at %d px: the page does not scroll sideways", page.url(), width)
			.isLessThanOrEqualTo(width);
		return region;
	}

	/**
	 * A scrolling region: its visible and its whole width, its label, whether the
	 * keyboard reaches it.
	 */
	private record Region(double width, double scrollWidth, String label, boolean focusable) {
	}

	private static Region region(Page page, String selector) {
		Map<?, ?> values = (Map<?, ?>) page.locator(selector).evaluate("""
				(region) => ({ width: region.clientWidth, scrollWidth: region.scrollWidth,
				  label: (document.getElementById(region.getAttribute('aria-labelledby')) || {}).textContent || '',
				  focusable: region.tabIndex >= 0 })""");
		return new Region(((Number) values.get("width")).doubleValue(),
				((Number) values.get("scrollWidth")).doubleValue(), String.valueOf(values.get("label")),
				Boolean.TRUE.equals(values.get("focusable")));
	}

	private static double pageScrollWidth(Page page) {
		return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).doubleValue();
	}

	private static void visit(Browser browser, Page page, PageTour.Stop stop, List<String> wrong) {
		Response response = page.navigate(stop.path());
		if (response == null || response.status() != stop.status()) {
			wrong.add(stop + " -> " + ((response != null) ? response.status() : "no response"));
		}
		page.waitForLoadState(LoadState.NETWORKIDLE);
		browser.audit(page);
	}

}
