package dev.herald.delivery;

import com.microsoft.playwright.Page;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator in a real browser finds deliveries waiting for a decision from the
 * dashboard, sends one again and marks another as sent with its MsgKey.
 */
@BrowserTest
class BrowserDecisionTests {

	@Autowired
	private TestUsers users;

	@Autowired
	private DeliveryFixtures fixtures;

	@Autowired
	private DecisionFixtures decisions;

	@Autowired
	private SimulatorDirectory simulator;

	@Test
	void anOperatorSendsOneAgainAndMarksAnotherAsSent(Browser browser) {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, null, null);
		long resent = run.delivery(0);
		long marked = run.delivery(1);
		Page page = Browser.signIn(browser.newPage(), this.users.create("decider", "OPERATOR"));

		assertThat(page.locator("#dashboard-awaiting-decision")).isVisible();
		page.locator("#awaiting-run-" + run.runId()).click();
		assertThat(page.locator("#awaiting-count")).hasText("2 deliveries wait for your decision");
		assertThat(page.locator("#awaiting-" + resent + " .doubt-reason"))
			.hasText("Tencent's history stopped before the time of the call, so Herald could not read all of it.");
		Browser.screenshot(page, "run-awaiting-decision");

		page.locator("#awaiting-" + resent + " .send-again").click();
		assertThat(page.locator("#flash-success")).containsText("The delivery is queued and will be sent again.");
		assertThat(page.locator("#awaiting-count")).hasText("1 delivery waits for your decision");

		page.locator("#msg-key-" + marked).fill("89541_1_1572870301");
		page.locator("#awaiting-" + marked + " .mark-sent").click();
		assertThat(page.locator("#flash-success")).containsText("Marked as sent.");
		assertThat(page.locator("#awaiting-decision")).hasCount(0);
		assertThat(page.locator("#delivery-" + marked)).containsText("89541_1_1572870301");

		await().atMost(DeliveryFixtures.TIMEOUT).until(() -> "SENT".equals(this.decisions.status(resent)));
		this.fixtures.awaitFinished(run.runId());
		page.reload();
		assertThat(page.locator("#delivery-" + resent)).containsText("Sent");
		assertThat(this.simulator.acceptedBroadcasts(app.sdkAppId())).containsEntry(app.accounts().get(0), 1L)
			.containsEntry(app.accounts().get(1), 0L);
	}

}
