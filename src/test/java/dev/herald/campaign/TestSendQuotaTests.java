package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.delivery.TestBroadcasts;
import dev.herald.delivery.TestBroadcasts.TestBroadcast;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The quota check sees test sends: two test broadcasts to an account make a campaign
 * firing to it within the hour a third broadcast, and it says so.
 */
@ApplicationTest
class TestSendQuotaTests {

	@Autowired
	private CampaignPlanner planner;

	@Autowired
	private TestBroadcasts testBroadcasts;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private OfficialAccounts accounts;

	@Test
	void recentTestSendsCountAgainstTheQuota() {
		CampaignFixtures.App app = this.fixtures.simulatorApp("Quota", 0, 200);
		long sdkAppId = app.sdkAppId();
		String account = this.accounts.add(app.id(), "@TOA#_quota_" + sdkAppId, "Quota", 1, true).accountId();
		sendUntilAccepted(app.id(), account);
		// The second one is accepted once the account's second has passed.
		sendUntilAccepted(app.id(), account);

		Instant now = Instant.now();
		CampaignPlan plan = this.planner.plan(null, app.id(), List.of(account, "@TOA#_other_" + sdkAppId),
				Schedule.once(now.plus(Duration.ofMinutes(10)), ZoneOffset.UTC), now);
		assertThat(plan.refused()).isTrue();
		assertThat(plan.conflicts()).singleElement().satisfies((conflict) -> {
			assertThat(conflict.testSends()).isTrue();
			assertThat(conflict.others()).isEmpty();
			assertThat(conflict.example()).isEqualTo(account);
			assertThat(conflict.accounts()).isEqualTo(1);
		});
		CampaignPlan later = this.planner.plan(null, app.id(), List.of(account),
				Schedule.once(now.plus(Duration.ofMinutes(70)), ZoneOffset.UTC), now);
		assertThat(later.refused()).isFalse();
	}

	private void sendUntilAccepted(long appId, String account) {
		await("the account's window to open").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.testBroadcasts.send(appId,
					OfficialAccountMessage.of(account, ThreadLocalRandom.current().nextLong(0, 1L << 32),
							List.of(new MsgElement.TextElem("quota")))),
					(sent) -> sent instanceof TestBroadcast.Called);
	}

}
