package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.herald.officialaccount.AudienceSource;
import dev.herald.delivery.Deliveries;
import dev.herald.delivery.DeliveryStatus;
import dev.herald.delivery.RunProgress;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
	private CampaignFixtures fixtures;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aRunCancelledPartWayCountsItsCancelledDeliveriesAndCancelsItsOneOffCampaign() throws Exception {
		// 10 calls a second: 100 accounts take ten seconds, time to cancel in between.
		CampaignFixtures.App app = this.fixtures.simulatorApp("Cancel", 100, 10);
		long versionId = this.fixtures.approvedVersion("Cancel");
		String label = "Cancelled part-way " + app.sdkAppId();
		long campaignId = this.scheduler
			.create(new CampaignCommand(label, app.id(), versionId, List.of(AudienceSource.wholeApp()),
					Schedule.now(Instant.now(), ZoneId.of("UTC")), CampaignScene.LATE_POLICY, null))
			.id();

		long runId = await("five sent").atMost(TIMEOUT)
			.until(() -> deliveryRun(campaignId),
					(run) -> run != null && this.deliveries.progress(run).count(DeliveryStatus.SENT) >= 5);
		assertThat(this.mvc.post()
			.uri("/runs/{id}/cancel", runId)
			.with(user("canceller").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")
			.exchange()).hasStatus(302);
		await("the campaign to take the run's end").atMost(TIMEOUT)
			.until(() -> this.campaigns.findById(campaignId).orElseThrow().getStatus(),
					(status) -> status != CampaignStatus.RUNNING);

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
			.uri("/campaigns?q={q}", label)
			.with(user("viewer").roles("ANALYST"))
			.exchange()
			.getResponse()
			.getContentAsString();
		String table = list.substring(list.indexOf("id=\"campaign-list\""));
		assertThat(table).contains(label).doesNotContain(">Completed<");
		assertThat(table.replaceAll("\\s+", " ")).contains("<span class=\"badge text-bg-secondary\">Cancelled</span>")
			.contains("<span class=\"last-run-status\">Cancelled</span>");
	}

	private @Nullable Long deliveryRun(long campaignId) {
		return this.runs.findByCampaignIdOrderByScheduledForDesc(campaignId)
			.stream()
			.map(CampaignRun::getDeliveryRunId)
			.filter((id) -> id != null)
			.findFirst()
			.orElse(null);
	}

}
