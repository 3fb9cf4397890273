package dev.herald.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import com.microsoft.playwright.Page;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An operator in Berlin schedules a one-off in Shanghai time and a weekly campaign in New
 * York time, and finds both in the calendar at Berlin times.
 */
@BrowserTest
class BrowserCampaignTests {

	private static final ZoneId VIEWER = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures fixtures;

	@Test
	void schedulesAOneOffAndAWeeklyCampaignAndSeesThemInTheCalendarInTheViewersZone(Browser browser) {
		CampaignFixtures.App app = this.fixtures.app("Browser", 2);
		long versionId = this.fixtures.approvedVersion("Browser campaign content");
		String operator = this.users.create("campaigner", "OPERATOR");
		Page page = Browser.signIn(browser.newPage(), operator);

		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		LocalDateTime onceLocal = LocalDate.now(shanghai).plusDays(10).atTime(15, 0);
		page.navigate("/campaigns/new?app=" + app.id());
		page.locator("#label").fill("Browser one-off");
		page.locator("#versionId").selectOption(String.valueOf(versionId));
		Browser.pickAccount(page, app.accounts().get(0).accountId(), app.accountIds().get(0));
		page.locator("input[name=kind][value=ONCE]").check();
		page.locator("#zone").fill("Asia/Shanghai");
		page.locator("#onceAt").fill(onceLocal.toString());
		page.locator("#preview-campaign").click();
		assertThat(page.locator("#plan-ok")).isVisible();
		Browser.screenshot(page, "campaigns-preview");
		page.locator("#save-campaign").click();
		assertThat(page.locator("#campaign-status")).hasText("Scheduled");
		long onceId = idOf(page);

		page.navigate("/campaigns/new?app=" + app.id());
		page.locator("#label").fill("Browser weekly");
		page.locator("#versionId").selectOption(String.valueOf(versionId));
		Browser.pickAccount(page, app.accounts().get(1).accountId(), app.accountIds().get(1));
		page.locator("input[name=kind][value=WEEKLY]").check();
		page.locator("#zone").fill("America/New_York");
		page.locator("#timeOfDay").fill("10:00");
		page.locator("input[name=days][value=TUESDAY]").check();
		page.locator("#save-campaign").click();
		assertThat(page.locator("#campaign-status")).hasText("Scheduled");
		long weeklyId = idOf(page);

		Instant once = onceLocal.atZone(shanghai).toInstant();
		LocalDate onceDay = once.atZone(VIEWER).toLocalDate();
		page.navigate("/campaigns/calendar?date=" + onceDay);
		assertThat(page.locator("#calendar-title")).containsText("Europe/Berlin");
		assertThat(page.locator("td[data-day='" + onceDay + "'] .calendar-fire[data-campaign='" + onceId + "']"))
			.containsText(HOUR_MINUTE.format(once.atZone(VIEWER)));
		Browser.screenshot(page, "campaigns-calendar-month");

		Instant weekly = Schedule
			.weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0), ZoneId.of("America/New_York"), null)
			.fires(Instant.now(), 1, Instant.MAX)
			.get(0);
		LocalDate weeklyDay = weekly.atZone(VIEWER).toLocalDate();
		page.navigate("/campaigns/calendar?view=week&date=" + weeklyDay);
		assertThat(page.locator("td[data-day='" + weeklyDay + "'] .calendar-fire[data-campaign='" + weeklyId + "']"))
			.containsText(HOUR_MINUTE.format(weekly.atZone(VIEWER)));
		Browser.screenshot(page, "campaigns-calendar-week");
	}

	private static long idOf(Page page) {
		String url = page.url();
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
	}

}
