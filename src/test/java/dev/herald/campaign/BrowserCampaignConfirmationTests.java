package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling a campaign in a real browser: the button opens a dialog naming the campaign;
 * Escape and "Go back" leave it scheduled; the dialog's own button cancels it.
 */
@BrowserTest
class BrowserCampaignConfirmationTests {

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private CampaignScheduler scheduler;

	@Autowired
	private CampaignRepository campaigns;

	@Test
	void cancellingACampaignAsksInADialogThatEscapeAndGoBackLeaveAlone(Browser browser) {
		CampaignScene scene = CampaignScene.set(this.fixtures, "Browser confirm", 1);
		String label = "Cancel me " + scene.appId();
		long id = this.scheduler
			.create(scene.command(label, Schedule.once(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC)))
			.id();
		Page page = Browser.signIn(browser.newPage(), this.users.create("canceller", "OPERATOR"));
		page.navigate("/campaigns/" + id);
		Locator cancel = page.locator("#cancel-campaign");

		cancel.click();
		Locator dialog = page.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Cancel campaign \"" + label + "\"?"));
		assertThat(dialog).isVisible();
		assertThat(dialog).containsText("will not send again");
		assertThat(page.locator("#confirm-back")).isFocused();
		Browser.screenshot(page, "campaign-cancel-question");
		page.keyboard().press("Escape");
		assertThat(page.locator("#confirm-dialog")).hasCount(0);
		assertThat(cancel).isFocused();

		cancel.click();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Go back")).click();
		assertThat(page.locator("#confirm-dialog")).hasCount(0);
		assertThat(this.campaigns.findById(id).orElseThrow().getStatus()).isEqualTo(CampaignStatus.SCHEDULED);

		cancel.click();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel campaign").setExact(true))
			.click();
		assertThat(page.locator("#campaign-status")).hasText("Cancelled");
		assertThat(this.campaigns.findById(id).orElseThrow().getStatus()).isEqualTo(CampaignStatus.CANCELLED);
	}

}
