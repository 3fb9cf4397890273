package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From schedule to Tencent: a campaign sent now fires through Quartz, its run goes
 * through the delivery engine to the simulator over HTTP, and the campaign completes.
 */
@ApplicationTest
class CampaignDeliveryTests {

	@Autowired
	private CampaignScheduler scheduler;

	@Autowired
	private CampaignRepository campaigns;

	@Autowired
	private CampaignRunRepository runs;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aCampaignSentNowReachesEveryAccountOnceAndCompletes() {
		CampaignFixtures.App app = this.fixtures.simulatorApp("E2E", 3, 200);
		CampaignScene scene = new CampaignScene(app, this.fixtures.approvedVersion("E2E"));

		long campaignId = this.scheduler
			.create(scene.command("End to end", Schedule.now(Instant.now(), ZoneId.of("UTC"))))
			.id();

		await().atMost(Duration.ofSeconds(45))
			.until(() -> this.campaigns.findById(campaignId).orElseThrow().getStatus(),
					(status) -> status == CampaignStatus.COMPLETED);
		assertThat(this.runs.findByCampaignIdOrderByScheduledForDesc(campaignId)).singleElement()
			.satisfies((run) -> assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED));
		Map<String, Long> accepted = this.simulator.acceptedBroadcasts(app.sdkAppId());
		assertThat(accepted).hasSize(3).allSatisfy((account, count) -> assertThat(count).isEqualTo(1));
		assertThat(this.jdbc
			.sql("select count(*) from delivery where campaign_id = ? and status = 'SENT' " + "and msg_key is not null")
			.param(campaignId)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

}
