package dev.herald.delivery;

import java.util.concurrent.ThreadLocalRandom;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall of a recurring campaign whose 3 OAs each got 25 messages. Tencent allows only 2
 * broadcasts per OA and hour, so the 25 runs are seeded as sent, with messages the
 * simulator holds.
 */
@ApplicationTest
class RecallTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Recalls recalls;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private RunStore store;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void recallOfACampaignMakesThreeCallsPerOaAndStoresEveryResult() {
		DeliveryFixtures fixtures = DeliveryFixtures.of(this.context);
		DeliveryFixtures.TestApp app = fixtures.app(200, 3);
		long campaign = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		for (int i = 0; i < 25; i++) {
			fixtures.sentRun(app, campaign);
		}
		RecallSummary summary = this.recalls.recallCampaign(campaign);
		assertThat(summary).isEqualTo(new RecallSummary(9, 75, 0, 0));
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
		DeliveryFixtures fixtures = DeliveryFixtures.of(this.context);
		DeliveryFixtures.TestApp app = fixtures.app(200, 3);
		long run = fixtures.sentRun(app, null);
		this.jdbc.sql("update delivery set msg_key = '1_1_1' where run_id = ? and official_account = ?")
			.param(run)
			.param(app.accounts().get(1))
			.update();
		RecallSummary summary = this.recalls.recallRun(run);
		assertThat(summary).isEqualTo(new RecallSummary(3, 2, 1, 0));
		assertThat(this.store.deliveries(run, 10)).extracting(DeliveryRow::status, DeliveryRow::recallCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RECALLED, 0),
					org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RECALL_FAILED, 10030),
					org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RECALLED, 0));
		long failed = this.store.deliveries(run, 10).get(1).id();
		assertThat(this.recalls.recallDelivery(failed)).isEqualTo(new RecallSummary(1, 0, 1, 0));
	}

}
