package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatApps;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Recall of runs and campaigns, in the background with its progress on the pages. A
 * recurring campaign's 3 OAs each got 25 messages: Tencent allows only 2 broadcasts per
 * OA and hour, so the runs are seeded as sent, with messages the simulator holds.
 */
@ApplicationTest
class RecallTests {

	@Autowired
	private Recalls recalls;

	@Autowired
	private RecallStore store;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private DeliveryFixtures fixtures;

	@Test
	void recallOfACampaignMakesThreeCallsPerOaAndStoresEveryResult() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3);
		long campaign = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		for (int i = 0; i < 25; i++) {
			this.fixtures.sentRun(app, campaign);
		}
		RecallProgress started = this.recalls.recallCampaign(campaign);
		assertThat(started.total()).isEqualTo(75);
		assertThat(started.pastWindow()).isZero();
		RecallProgress recall = this.fixtures.awaitDone(started);
		assertThat(recall.summary()).isEqualTo(new RecallSummary(9, 75, 0, 0));
		assertThat(recall.untried()).isZero();
		assertThat(this.recalls.latestOfCampaign(campaign)).contains(recall);
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isEqualTo(9);
		assertThat(this.simulator.recalledMessages(app.sdkAppId()).values()).containsOnly(25L);
		assertThat(this.jdbc.sql("""
				select count(*) from delivery where campaign_id = ? and status = 'RECALLED' and recall_code = 0
				  and recalled_at is not null""").param(campaign).query(Long.class).single()).isEqualTo(75);
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'campaign.recalled' and object_id = ?")
					.param(String.valueOf(campaign))
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void everyKeysRetCodeIsStoredAndAnUnknownKeyFails() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3);
		long run = this.fixtures.sentRun(app, null);
		this.jdbc.sql("update delivery set msg_key = '1_1_1' where run_id = ? and official_account = ?")
			.param(run)
			.param(app.accounts().get(1))
			.update();
		RecallProgress recall = this.fixtures.awaitDone(this.recalls.recallRun(run));
		assertThat(recall.summary()).isEqualTo(new RecallSummary(3, 2, 1, 0));
		assertThat(this.fixtures.deliveries(run)).extracting(DeliveryRow::status, DeliveryRow::recallCode)
			.containsExactly(Tuple.tuple(DeliveryStatus.RECALLED, 0), Tuple.tuple(DeliveryStatus.RECALL_FAILED, 10030),
					Tuple.tuple(DeliveryStatus.RECALLED, 0));
		long failed = this.fixtures.deliveries(run).get(1).id();
		assertThat(this.recalls.recallDelivery(failed)).isEqualTo(new RecallSummary(1, 0, 1, 0));
	}

	@Test
	void aRunRecallStartsFromThePageAndThePageShowsItsProgressUntilItIsDone() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		long run = this.fixtures.sentRun(app, null);

		assertThat(this.mvc.post()
			.uri("/runs/{id}/recall", run)
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")).hasStatus(302)
			.flash()
			.containsEntry("success", "recall.started")
			.containsEntry("successArg", 2);
		RecallProgress recall = this.fixtures.awaitDone(this.recalls.latestOfRun(run).orElseThrow());
		assertThat(recall.summary()).isEqualTo(new RecallSummary(2, 2, 0, 0));
		assertThat(this.mvc.get().uri("/runs/{id}", run).with(user("ana").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("recall-progress-" + recall.id())
			.contains("2 of 2 messages answered: 2 recalled, 0 not recalled.");
		// Done: the fragment stops polling.
		assertThat(this.mvc.get().uri("/recalls/{id}/progress", recall.id()).with(user("op").roles("OPERATOR")))
			.hasStatusOk()
			.bodyText()
			.contains("Finished")
			.doesNotContain("data-hx-trigger");
	}

	@Test
	void aRecallUnderWayIsPolledAndOneWhoseNodeWentSilentShowsWhatWasNotTried() {
		long running = this.store.startRecall(null, 4711L, 10, 1, Instant.now());
		assertThat(this.mvc.get().uri("/recalls/{id}/progress", running).with(user("ana").roles("ANALYST")))
			.hasStatusOk()
			.bodyText()
			.contains("data-hx-trigger=\"every 2s\"")
			.contains("Under way")
			.contains("1 message was past the recall window");

		Instant longAgo = Instant.now().minus(RecallStore.STALLED_AFTER).minus(Duration.ofMinutes(1));
		long silent = this.store.startRecall(null, 4712L, 10, 0, longAgo);
		this.store.addProgress(silent, 3, 1, longAgo);
		assertThat(this.recalls.progress(silent).done()).isTrue();
		assertThat(this.mvc.get().uri("/recalls/{id}/progress", silent).with(user("ana").roles("ANALYST")))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("data-hx-trigger")
			.contains("Stopped")
			.contains("6 messages were not asked for");
		assertThat(this.mvc.get().uri("/recalls/{id}/progress", silent).with(user("editor").roles("EDITOR")))
			.hasStatus(403);
	}

	@Test
	void aCampaignRecallStartsFromItsPageWhichShowsItsProgress() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3);
		long campaign = new CampaignFixtures(this.jdbc, this.chatApps, this.accounts).completedCampaign(app.id(),
				"Recalled news");
		this.fixtures.sentRun(app, campaign);

		assertThat(this.mvc.post()
			.uri("/campaigns/{id}/recall", campaign)
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")).hasStatus(302)
			.flash()
			.containsEntry("success", "recall.started")
			.containsEntry("successArg", 3);
		RecallProgress recall = this.fixtures.awaitDone(this.recalls.latestOfCampaign(campaign).orElseThrow());
		assertThat(recall.recalled()).isEqualTo(3);
		assertThat(this.mvc.get().uri("/campaigns/{id}", campaign).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("recall-progress-" + recall.id())
			.contains("3 of 3 messages answered: 3 recalled, 0 not recalled.");
	}

}
