package dev.herald.campaign;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import dev.herald.delivery.SendRunFinished;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery engine's "run finished" reaches the campaign through the module event
 * registry: handled after the engine's commit, again after a node died before handling
 * it, only once when it comes twice, and with new counts only when the run finished again
 * after an operator's decision.
 */
@ApplicationTest
@EnableScenarios
class RunFinishedEventTests {

	/** The registry's name for {@link RunFinishedListener#on}. */
	private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier
		.of("dev.herald.campaign.RunFinishedListener.on(dev.herald.delivery.SendRunFinished)");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private EventPublicationRegistry registry;

	@Autowired
	private IncompleteEventPublications incomplete;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void aFinishedRunCompletesItsOneOffCampaign(Scenario scenario) {
		Running running = runningCampaign("Event heard");

		scenario.publish(running.finished(3, 0))
			.andWaitForStateChange(() -> campaignStatus(running), (status) -> !"RUNNING".equals(status))
			.andVerify((status) -> assertThat(status).isEqualTo("COMPLETED"));

		assertThat(runRow(running)).isEqualTo("COMPLETED 3 0");
		assertThat(outstanding()).isZero();
	}

	@Test
	void anEventLeftByANodeThatDiedIsHandledAfterARestart() {
		Running running = runningCampaign("Event outlived");
		// What a node leaves when it dies between the engine's commit and the listener's:
		// the publication stored with the run's end, not handled.
		this.transactions
			.executeWithoutResult((status) -> this.registry.store(running.finished(2, 1), Stream.of(LISTENER)));
		assertThat(outstanding()).isOne();
		assertThat(campaignStatus(running)).isEqualTo("RUNNING");

		// What every start does
		// (spring.modulith.events.republish-outstanding-events-on-restart).
		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

		await().atMost(Duration.ofSeconds(30)).until(() -> campaignStatus(running), "COMPLETED_WITH_FAILURES"::equals);
		assertThat(runRow(running)).isEqualTo("COMPLETED_WITH_FAILURES 2 1");
		await().atMost(Duration.ofSeconds(30)).until(() -> outstanding() == 0);
	}

	@Test
	void theSameEventTwiceFinishesTheRunOnce(Scenario scenario) {
		Running running = runningCampaign("Event twice");

		scenario.publish(running.finished(3, 0))
			.andWaitForStateChange(() -> campaignStatus(running), (status) -> !"RUNNING".equals(status))
			.andVerify((status) -> assertThat(status).isEqualTo("COMPLETED"));
		scenario.publish(running.finished(1, 2))
			.andWaitForStateChange(() -> outstanding() == 0)
			.andVerify((done) -> assertThat(runRow(running)).isEqualTo("COMPLETED 3 0"));

		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'campaign.runFinished'
				and object_type = 'campaign' and object_id = :id""")
			.param("id", String.valueOf(running.campaignId()))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aRunFinishedAgainAfterAnOperatorsDecisionTakesOnlyTheNewCountsQuietly(Scenario scenario) {
		Running running = runningCampaign("Event again");
		scenario.publish(running.finished(1, 2))
			.andWaitForStateChange(() -> campaignStatus(running), (status) -> !"RUNNING".equals(status))
			.andVerify((status) -> assertThat(status).isEqualTo("COMPLETED_WITH_FAILURES"));

		// An operator sent one of the two in doubt again, and it went out.
		scenario.publish(running.finished(2, 1))
			.andWaitForStateChange(() -> runRow(running), "COMPLETED_WITH_FAILURES 2 1"::equals)
			.andVerify((row) -> assertThat(campaignStatus(running)).isEqualTo("COMPLETED_WITH_FAILURES"));
		// The first end, handed out again late, takes nothing back.
		scenario.publish(running.finished(1, 2))
			.andWaitForStateChange(() -> outstanding() == 0)
			.andVerify((done) -> assertThat(runRow(running)).isEqualTo("COMPLETED_WITH_FAILURES 2 1"));

		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'campaign.runFinished'
				and object_type = 'campaign' and object_id = :id""")
			.param("id", String.valueOf(running.campaignId()))
			.query(Long.class)
			.single()).isOne();
	}

	/** A one-off campaign whose only run the delivery engine is still working on. */
	private Running runningCampaign(String label) {
		long campaignId = this.fixtures.completedCampaign(this.fixtures.app(label, 1).id(), label);
		Timestamp firedAt = Timestamp.from(Instant.now().minusSeconds(60));
		this.jdbc.sql("update campaign set status = 'RUNNING' where id = :id").param("id", campaignId).update();
		long campaignRunId = this.jdbc.sql("""
				insert into campaign_run (campaign_id, scheduled_for, fired_at, status, target_count)
				values (:campaign, :at, :at, 'RUNNING', 3) returning id""")
			.param("campaign", campaignId)
			.param("at", firedAt)
			.query(Long.class)
			.single();
		return new Running(campaignId, campaignRunId);
	}

	private String campaignStatus(Running running) {
		return this.jdbc.sql("select status from campaign where id = :id")
			.param("id", running.campaignId())
			.query(String.class)
			.single();
	}

	private String runRow(Running running) {
		return this.jdbc.sql("select status || ' ' || sent || ' ' || failed from campaign_run where id = :id")
			.param("id", running.campaignRunId())
			.query(String.class)
			.single();
	}

	private long outstanding() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

	private record Running(long campaignId, long campaignRunId) {

		SendRunFinished finished(long sent, long failed) {
			return new SendRunFinished(-this.campaignRunId, this.campaignId, this.campaignRunId, false, sent, failed,
					0);
		}

	}

}
