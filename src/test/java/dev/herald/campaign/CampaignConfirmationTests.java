package dev.herald.campaign;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.herald.delivery.Deliveries;
import dev.herald.delivery.DeliveryStatus;
import dev.herald.delivery.RunProgress;
import dev.herald.delivery.RunState;
import dev.herald.officialaccount.AudienceSource;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cancel and archive on the campaign page ask first, over real HTTP: without
 * {@code confirmed} nothing changes and the question names the campaign (and what its
 * running send leaves unsent); confirmed, the campaign changes. Recall is
 * {@code RunConfirmationTests}.
 */
@ApplicationTest
class CampaignConfirmationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	@LocalServerPort
	private int port;

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
	private TestUsers users;

	@Test
	void cancellingAScheduledCampaignAsksNamingItAndCancelsOnlyOnceConfirmed() {
		CampaignScene scene = CampaignScene.set(this.fixtures, "Confirm cancel", 2);
		String label = "Ask before cancel " + scene.appId();
		long id = this.scheduler
			.create(scene.command(label, Schedule.once(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC)))
			.id();
		WebSession session = operator();
		String page = session.get("/campaigns/" + id).body();
		assertThat(WebSession.formTag(page, "action=\"/campaigns/" + id + "/cancel\"")).contains("data-confirm");

		HttpResponse<String> question = session.post("/campaigns/" + id + "/cancel",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Cancel campaign &quot;" + label + "&quot;?")
			.contains("Campaign &quot;" + label + "&quot; will not send again: no further run starts.")
			.contains(">Cancel campaign</button>")
			.contains("href=\"/campaigns/" + id + "\"")
			.doesNotContain("Its running send stops");
		assertThat(status(id)).isEqualTo(CampaignStatus.SCHEDULED);

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(status(id)).isEqualTo(CampaignStatus.CANCELLED);
	}

	@Test
	void cancellingACampaignWhoseSendIsUnderWayNamesTheDeliveriesLeftUnsent() {
		// 5 calls a second: time to pause the run's sending before it ends.
		CampaignFixtures.App app = this.fixtures.simulatorApp("Confirm running", 40, 5);
		long versionId = this.fixtures.approvedVersion("Confirm running");
		String label = "Running when asked " + app.sdkAppId();
		long id = this.scheduler
			.create(new CampaignCommand(label, app.id(), versionId, List.of(AudienceSource.wholeApp()),
					Schedule.now(Instant.now(), ZoneId.of("UTC")), CampaignScene.LATE_POLICY, null))
			.id();
		long run = await("the first message sent").atMost(TIMEOUT)
			.until(() -> deliveryRun(id),
					(runId) -> runId != null && this.deliveries.progress(runId).count(DeliveryStatus.SENT) > 0);
		this.deliveries.pause(run);
		RunProgress paused = await("calls under way to end").atMost(TIMEOUT)
			.until(() -> this.deliveries.progress(run), (progress) -> progress.count(DeliveryStatus.SENDING) == 0);
		long unsent = paused.count(DeliveryStatus.QUEUED);
		assertThat(unsent).isGreaterThan(1);
		WebSession session = operator();
		String page = session.get("/campaigns/" + id).body();

		HttpResponse<String> question = session.post("/campaigns/" + id + "/cancel",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.body()).contains("Cancel campaign &quot;" + label + "&quot;?")
			.contains("Its running send stops: " + unsent + " deliveries not yet sent will not be sent.");
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);
		assertThat(status(id)).isEqualTo(CampaignStatus.RUNNING);

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.CANCELLED);
		assertThat(this.deliveries.progress(run).cancelled()).isEqualTo(unsent);
		await("the campaign to take the run's end").atMost(TIMEOUT)
			.until(() -> status(id), (status) -> status == CampaignStatus.CANCELLED);
	}

	@Test
	void archivingACampaignAsksNamingItAndArchivesOnlyOnceConfirmed() {
		CampaignFixtures.App app = this.fixtures.app("Confirm archive", 1);
		String label = "Ask before archive " + app.sdkAppId();
		long id = this.fixtures.completedCampaign(app.id(), label);
		WebSession session = operator();
		String page = session.get("/campaigns/" + id).body();
		assertThat(WebSession.formTag(page, "action=\"/campaigns/" + id + "/archive\"")).contains("data-confirm");

		HttpResponse<String> question = session.post("/campaigns/" + id + "/archive",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Archive campaign &quot;" + label + "&quot;?")
			.contains("leaves the campaign list. Its runs stay in the reports, and you can restore it.")
			.contains(">Archive campaign</button>");
		assertThat(archived(id)).isFalse();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(archived(id)).isTrue();
	}

	private CampaignStatus status(long id) {
		return this.campaigns.findById(id).orElseThrow().getStatus();
	}

	private boolean archived(long id) {
		return this.campaigns.findById(id).orElseThrow().getArchivedAt() != null;
	}

	private @Nullable Long deliveryRun(long campaignId) {
		return this.runs.findByCampaignIdOrderByScheduledForDesc(campaignId)
			.stream()
			.map(CampaignRun::getDeliveryRunId)
			.filter((id) -> id != null)
			.findFirst()
			.orElse(null);
	}

	private WebSession operator() {
		return WebSession.signIn(this.port, this.users.create("confirmer", "OPERATOR"));
	}

}
