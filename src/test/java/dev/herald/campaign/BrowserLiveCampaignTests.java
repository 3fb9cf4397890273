package dev.herald.campaign;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator presses "Send now" and watches the campaign page follow the run to its end,
 * without reloading it.
 */
@BrowserTest
class BrowserLiveCampaignTests {

	// The fire waits for Quartz and the sends for the app's rate: generous, never slept.
	private static final double UNTIL_DONE = 60_000;

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures fixtures;

	@Test
	void theCampaignPageReachesCompletedAfterSendNowWithoutReload(Browser browser) {
		// One call per second: the run takes a few seconds, so the page sees it move.
		CampaignFixtures.App app = this.fixtures.simulatorApp("Live browser", 3, 1);
		long versionId = this.fixtures.approvedVersion("Live browser content");
		Page page = Browser.signIn(browser.newPage(), this.users.create("live-operator", "OPERATOR"));

		page.navigate("/campaigns/new?app=" + app.id());
		page.locator("#label").fill("Sent now, followed live");
		page.locator("#versionId").selectOption(String.valueOf(versionId));
		for (int i = 0; i < 3; i++) {
			Browser.pickAccount(page, app.accounts().get(i).accountId(), app.accountIds().get(i));
		}
		page.locator("input[name=kind][value=NOW]").check();
		page.locator("#save-campaign").click();
		assertThat(page.locator("#campaign-title")).hasText("Sent now, followed live");
		// A mark on this very document: a reload would lose it.
		page.evaluate("() => { window.followedWithoutReload = true; }");

		assertThat(page.locator("#campaign-status")).hasText("Completed", new HasTextOptions().setTimeout(UNTIL_DONE));
		Locator run = page.locator("#campaign-runs-live tr[data-status=COMPLETED]");
		assertThat(run).hasCount(1);
		assertThat(run.locator(".run-counts")).hasText("3 sent, 0 failed of 3");
		assertThat(page.locator("#campaign-latest-run .run-state")).hasText("Finished");
		// The buttons of a finished campaign, and the poll has stopped.
		assertThat(page.locator("#archive-campaign")).isVisible();
		assertThat(page.locator("#cancel-campaign")).hasCount(0);
		assertThat(page.locator("#pause-campaign")).hasCount(0);
		assertThat(page.locator("#campaign-live")).not().hasAttribute("data-hx-get", Pattern.compile(".*"));
		assertThat(page.evaluate("() => window.followedWithoutReload === true")).isEqualTo(true);
		Browser.screenshot(page, "campaign-followed-live");
	}

}
