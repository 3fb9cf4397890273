package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

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
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aCampaignSentNowReachesEveryAccountOnceAndCompletes() throws InterruptedException {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_900_000_000L, 1_999_999_999L);
		ChatAppView app = this.chatApps.create(
				new ChatAppSettings("E2E " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200),
				"e2e".repeat(20));
		List<OfficialAccountView> targets = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			targets.add(this.accounts.add(app.id(), "@TOA#_e2e_" + sdkAppId + "_" + i, "E2E " + i, 10, false));
		}
		long versionId = new CampaignFixtures(this.jdbc, this.chatApps, this.accounts).approvedVersion("E2E");

		long campaignId = this.scheduler.create(TestCommands.toAccounts("End to end", app.id(), versionId,
				Set.copyOf(targets.stream().map(OfficialAccountView::id).toList()),
				Schedule.now(Instant.now(), ZoneId.of("UTC")), new LateFirePolicy(15)))
			.id();

		Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
		while (this.campaigns.findById(campaignId).orElseThrow().getStatus() != CampaignStatus.COMPLETED
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(this.campaigns.findById(campaignId).orElseThrow().getStatus()).isEqualTo(CampaignStatus.COMPLETED);
		assertThat(this.runs.findByCampaignIdOrderByScheduledForDesc(campaignId)).singleElement()
			.satisfies((run) -> assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED));
		Map<String, Long> accepted = this.simulator.acceptedBroadcasts(sdkAppId);
		assertThat(accepted).hasSize(3).allSatisfy((account, count) -> assertThat(count).isEqualTo(1));
		assertThat(this.jdbc
			.sql("select count(*) from delivery where campaign_id = ? and status = 'SENT' " + "and msg_key is not null")
			.param(campaignId)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

}
