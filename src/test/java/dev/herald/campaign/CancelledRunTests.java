package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import dev.herald.officialaccount.AudienceSource;
import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.delivery.Deliveries;
import dev.herald.delivery.DeliveryStatus;
import dev.herald.delivery.RunProgress;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A campaign whose only run an operator cancels part-way: the run counts what was sent
 * and what was cancelled, and the campaign does not claim to be completed.
 */
@ApplicationTest
class CancelledRunTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	@Autowired
	private CampaignScheduler scheduler;

	@Autowired
	private CampaignRepository campaigns;

	@Autowired
	private CampaignRunRepository runs;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aRunCancelledPartWayCountsItsCancelledDeliveriesAndCancelsItsOneOffCampaign() throws Exception {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_900_000_000L, 1_999_999_999L);
		// 10 calls a second: 100 accounts take ten seconds, time to cancel in between.
		ChatAppView app = this.chatApps.create(
				new ChatAppSettings("Cancel " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 10),
				"cancel".repeat(10));
		Set<Long> targets = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			targets.add(this.accounts.add(app.id(), "@TOA#_cancel_" + sdkAppId + "_" + i, "C " + i, 10, false).id());
		}
		long versionId = new CampaignFixtures(this.jdbc, this.chatApps, this.accounts).approvedVersion("Cancel");
		long campaignId = this.scheduler
			.create(new CampaignCommand("Cancelled part-way " + sdkAppId, app.id(), versionId,
					List.of(AudienceSource.wholeApp()), Schedule.now(Instant.now(), ZoneId.of("UTC")),
					new LateFirePolicy(15), null))
			.id();

		await(() -> deliveryRun(campaignId) != null
				&& this.deliveries.progress(deliveryRun(campaignId)).count(DeliveryStatus.SENT) >= 5, "five sent");
		long runId = deliveryRun(campaignId);
		assertThat(this.mvc.post()
			.uri("/runs/{id}/cancel", runId)
			.with(user("canceller").roles("OPERATOR"))
			.with(csrf())
			.exchange()).hasStatus(302);
		await(() -> this.campaigns.findById(campaignId).orElseThrow().getStatus() != CampaignStatus.RUNNING,
				"the campaign to take the run's end");

		assertThat(this.campaigns.findById(campaignId).orElseThrow().getStatus()).isEqualTo(CampaignStatus.CANCELLED);
		assertThat(this.runs.findByCampaignIdOrderByScheduledForDesc(campaignId)).singleElement()
			.satisfies((run) -> assertThat(run.getStatus()).isEqualTo(RunStatus.CANCELLED));
		RunProgress progress = this.deliveries.progress(runId);
		long sent = progress.count(DeliveryStatus.SENT);
		assertThat(progress.cancelled()).isPositive();
		assertThat(sent + progress.cancelled()).isEqualTo(100);
		assertThat(progress.done()).isEqualTo(sent);
		assertThat(progress.percentDone()).isLessThan(100);

		assertThat(this.mvc.get().uri("/runs/{id}", runId).with(user("viewer").roles("ANALYST")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains(sent + " of 100 done (" + sent + " %), " + progress.cancelled() + " cancelled and never sent")
			.doesNotContain("100 of 100 done");
		String list = this.mvc.get()
			.uri("/campaigns?q={q}", "Cancelled part-way " + sdkAppId)
			.with(user("viewer").roles("ANALYST"))
			.exchange()
			.getResponse()
			.getContentAsString();
		String table = list.substring(list.indexOf("id=\"campaign-list\""));
		assertThat(table).contains("Cancelled part-way " + sdkAppId).doesNotContain(">Completed<");
		assertThat(table.replaceAll("\\s+", " ")).contains("<span class=\"badge text-bg-secondary\">Cancelled</span>")
			.contains("<span class=\"last-run-status\">Cancelled</span>");
	}

	private Long deliveryRun(long campaignId) {
		return this.runs.findByCampaignIdOrderByScheduledForDesc(campaignId)
			.stream()
			.map(CampaignRun::getDeliveryRunId)
			.filter((id) -> id != null)
			.findFirst()
			.orElse(null);
	}

	private static void await(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
