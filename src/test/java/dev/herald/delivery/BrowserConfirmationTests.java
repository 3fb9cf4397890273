package dev.herald.delivery;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel and recall on the run page in a real browser: the button opens a dialog that
 * names the run (or account) and what will happen; Escape and "Go back" change nothing
 * and give the focus back to the button; the dialog's own button acts. Without JavaScript
 * the same question is a page.
 */
@BrowserTest
class BrowserConfirmationTests {

	@Autowired
	private TestUsers users;

	@Autowired
	private DeliveryFixtures fixtures;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private Recalls recalls;

	@Test
	void cancellingARunAsksInADialogThatEscapeAndGoBackLeaveAlone(Browser browser) {
		long run = this.fixtures.pausedRun(this.fixtures.app(200, 3));
		Page page = Browser.signIn(browser.newPage(), this.users.create("canceller", "OPERATOR"));
		page.navigate("/runs/" + run);

		page.locator("#cancel").click();
		Locator dialog = page.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Cancel run " + run + "?"));
		assertThat(dialog).isVisible();
		assertThat(dialog).containsText("Cancel run " + run + ": 3 deliveries not yet sent will not be sent.");
		assertThat(page.locator("#confirm-back")).isFocused();
		Browser.screenshot(page, "run-cancel-question");
		page.keyboard().press("Escape");
		assertThat(page.locator("#confirm-dialog")).hasCount(0);
		assertThat(page.locator("#cancel")).isFocused();

		page.locator("#cancel").click();
		assertThat(dialog).isVisible();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Go back")).click();
		assertThat(page.locator("#confirm-dialog")).hasCount(0);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);
		assertThat(this.fixtures.count(run, DeliveryStatus.QUEUED)).isEqualTo(3);

		page.locator("#cancel").click();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel run " + run).setExact(true))
			.click();
		assertThat(page.locator("#flash-success")).containsText("The run is cancelled.");
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.CANCELLED);
		assertThat(this.fixtures.count(run, DeliveryStatus.CANCELLED)).isEqualTo(3);
	}

	@Test
	void recallingARunAsksInADialogWithHowManyMessagesGo(Browser browser) {
		long run = this.fixtures.sentRun(this.fixtures.app(200, 2), null);
		Page page = Browser.signIn(browser.newPage(), this.users.create("recaller", "OPERATOR"));
		page.navigate("/runs/" + run);

		page.locator("#recall").click();
		Locator dialog = page.locator("#confirm-dialog");
		assertThat(dialog).containsText("Recall 2 sent messages of run " + run);
		page.keyboard().press("Escape");
		assertThat(dialog).hasCount(0);
		assertThat(page.locator("#recall")).isFocused();
		assertThat(this.recalls.latestOfRun(run)).isEmpty();

		page.locator("#recall").click();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Recall 2 messages")).click();
		assertThat(page.locator("#flash-success")).containsText("Recall of 2 messages started.");
		assertThat(this.fixtures.awaitDone(this.recalls.latestOfRun(run).orElseThrow()).recalled()).isEqualTo(2);
	}

	@Test
	void recallingOneDeliveryAsksInADialogNamingItsAccount(Browser browser) {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		long run = this.fixtures.sentRun(app, null);
		DeliveryRow delivery = this.fixtures.deliveries(run).get(0);
		Page page = Browser.signIn(browser.newPage(), this.users.create("recaller", "OPERATOR"));
		page.navigate("/runs/" + run);
		Locator button = page.locator("#delivery-" + delivery.id() + " form button");

		button.click();
		Locator dialog = page.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Recall the message to " + delivery.officialAccount() + "?"));
		assertThat(dialog).isVisible();
		Browser.screenshot(page, "delivery-recall-question");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Go back")).click();
		assertThat(page.locator("#confirm-dialog")).hasCount(0);
		assertThat(button).isFocused();
		assertThat(this.fixtures.delivery(delivery.id()).status()).isEqualTo(DeliveryStatus.SENT);

		button.click();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Recall the message")).click();
		assertThat(page.locator("#flash-success")).containsText("The message was recalled.");
		assertThat(this.fixtures.delivery(delivery.id()).status()).isEqualTo(DeliveryStatus.RECALLED);
	}

	@Test
	void withoutJavaScriptTheQuestionIsAPageThatGoesBackOrActs(Browser browser) {
		long run = this.fixtures.pausedRun(this.fixtures.app(200, 2));
		Page page = Browser.signIn(browser.newPageWithoutJavaScript(), this.users.create("canceller", "OPERATOR"));
		page.navigate("/runs/" + run);

		page.locator("#cancel").click();
		assertThat(page).hasURL(Pattern.compile(".*/runs/" + run + "/cancel$"));
		assertThat(page.locator("h1#confirm-title")).hasText("Cancel run " + run + "?");
		assertThat(page.locator("#confirm-text")).containsText("2 deliveries not yet sent will not be sent.");
		Browser.screenshot(page, "run-cancel-question-page");
		page.locator("#confirm-back").click();
		assertThat(page).hasURL(Pattern.compile(".*/runs/" + run + "$"));
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);

		page.locator("#cancel").click();
		page.locator("#confirm-yes").click();
		assertThat(page).hasURL(Pattern.compile(".*/runs/" + run + "$"));
		assertThat(page.locator("#flash-success")).containsText("The run is cancelled.");
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.CANCELLED);
	}

}
