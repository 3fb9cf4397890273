package dev.herald.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dev.herald.chatapp.ChatApps;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.shared.web.TimeFormat;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Tencent recalls a message only within its Chat app's message history period: Herald
 * refuses a recall after it before any call, recalls the rest of a run or campaign, and
 * shows how long recall stays possible.
 */
@ApplicationTest
class RecallWindowTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Autowired
	private Recalls recalls;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private TimeFormat timeFormat;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private DeliveryFixtures fixtures;

	@Test
	void aDeliverySentEightDaysAgoOnASevenDayAppIsRefusedBeforeAnyCall() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, 7);
		long delivery = deliveryOf(this.fixtures.sentRun(app, null), app.accounts().get(0));
		Instant sentAt = sentAgo(delivery, Duration.ofDays(8));
		assertThatExceptionOfType(RecallWindowClosedException.class)
			.isThrownBy(() -> this.recalls.recallDelivery(delivery))
			.satisfies((refusal) -> {
				assertThat(refusal.window().lastSentAt()).isEqualTo(sentAt);
				assertThat(refusal.window().historyDays()).isEqualTo(7);
				assertThat(refusal.window().lastDeadline()).isEqualTo(sentAt.plus(Duration.ofDays(7)));
			});
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isZero();
		assertThat(status(delivery)).isEqualTo("SENT");
	}

	@Test
	void aDeliverySentSixDaysAgoOnASevenDayAppIsRecalled() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, 7);
		long delivery = deliveryOf(this.fixtures.sentRun(app, null), app.accounts().get(0));
		sentAgo(delivery, Duration.ofDays(6));
		assertThat(this.recalls.recallDelivery(delivery)).isEqualTo(new RecallSummary(1, 1, 0, 0));
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isEqualTo(1);
		assertThat(status(delivery)).isEqualTo("RECALLED");
	}

	@Test
	void onAThirtyDayAppADeliverySentEightDaysAgoIsRecalled() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, 30);
		long delivery = deliveryOf(this.fixtures.sentRun(app, null), app.accounts().get(0));
		sentAgo(delivery, Duration.ofDays(8));
		assertThat(this.recalls.recallDelivery(delivery)).isEqualTo(new RecallSummary(1, 1, 0, 0));
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isEqualTo(1);
	}

	@Test
	void aRunRecallRecallsOnlyWhatIsInsideTheWindowAndCountsTheRest() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3, 7);
		long run = this.fixtures.sentRun(app, null);
		long old = deliveryOf(run, app.accounts().get(0));
		Instant oldSent = sentAgo(old, Duration.ofDays(8));
		sentAgo(deliveryOf(run, app.accounts().get(1)), Duration.ofDays(2));
		Instant newestSent = sentAgo(deliveryOf(run, app.accounts().get(2)), Duration.ofDays(1));

		assertThat(this.recalls.recallWindow(run)).isEqualTo(
				new RecallWindow(2, 1, oldSent.plus(Duration.ofDays(7)), newestSent.plus(Duration.ofDays(7)), 7));
		RecallProgress started = this.recalls.recallRun(run);
		assertThat(started.total()).isEqualTo(2);
		assertThat(started.pastWindow()).isEqualTo(1);
		assertThat(this.fixtures.awaitDone(started).summary()).isEqualTo(new RecallSummary(2, 2, 0, 1));
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isEqualTo(2);
		assertThat(this.simulator.recalledMessages(app.sdkAppId())).containsEntry(app.accounts().get(0), 0L)
			.containsEntry(app.accounts().get(1), 1L);
		assertThat(status(old)).isEqualTo("SENT");
		assertThat(this.jdbc.sql("""
				select after_state ->> 'pastWindow' from audit_event where action = 'run.recalled' and object_id = ?""")
			.param(String.valueOf(run))
			.query(String.class)
			.single()).isEqualTo("1");
	}

	@Test
	void aRunWhoseMessagesAreAllPastTheWindowIsRefusedAsAWhole() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2, 7);
		long run = this.fixtures.sentRun(app, null);
		sentAgo(deliveryOf(run, app.accounts().get(0)), Duration.ofDays(9));
		Instant last = sentAgo(deliveryOf(run, app.accounts().get(1)), Duration.ofDays(8));
		assertThatExceptionOfType(RecallWindowClosedException.class).isThrownBy(() -> this.recalls.recallRun(run))
			.satisfies((refusal) -> assertThat(refusal.window().lastSentAt()).isEqualTo(last));
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isZero();
		assertThat(this.jdbc.sql("select count(*) from delivery where run_id = ? and status = 'SENT'")
			.param(run)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theRunPageShowsEachDeadlineInTheViewersZoneAndHidesRecallPastIt() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2, 7);
		long run = this.fixtures.sentRun(app, null);
		long old = deliveryOf(run, app.accounts().get(0));
		Instant oldUntil = sentAgo(old, Duration.ofDays(8)).plus(Duration.ofDays(7));
		long recent = deliveryOf(run, app.accounts().get(1));
		Instant recentUntil = sentAgo(recent, Duration.ofDays(3)).plus(Duration.ofDays(7));

		assertThat(this.mvc.get()
			.uri("/runs/{id}", run)
			.cookie(new Cookie("herald-tz", TOKYO.getId()))
			.with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("Recallable until")
			.contains("id=\"recall\"")
			.contains("Past the recall window since " + this.timeFormat.dateTime(oldUntil, TOKYO))
			.contains(this.timeFormat.dateTime(recentUntil, TOKYO))
			.contains("1 sent message is past the recall window; the others can be recalled until "
					+ this.timeFormat.dateTimeWithZone(recentUntil, TOKYO))
			.contains("/deliveries/" + recent + "/recall")
			.doesNotContain("/deliveries/" + old + "/recall");

		assertThat(this.mvc.post()
			.uri("/deliveries/{id}/recall", old)
			.cookie(new Cookie("herald-tz", TOKYO.getId()))
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")).hasStatus(302)
			.flash()
			.containsEntry("failure", "delivery.recall.tooLate")
			.containsEntry("failureArg2", 7)
			.containsEntry("failureArg3", this.timeFormat.dateTimeWithZone(oldUntil, TOKYO));
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isZero();
	}

	@Test
	void aCampaignPastItsWindowShowsWhyAndItsRecallIsRefused() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, 7);
		long campaign = new CampaignFixtures(this.jdbc, this.chatApps, this.accounts).completedCampaign(app.id(),
				"Old news");
		long run = this.fixtures.sentRun(app, campaign);
		Instant until = sentAgo(deliveryOf(run, app.accounts().get(0)), Duration.ofDays(10)).plus(Duration.ofDays(7));

		assertThat(this.mvc.get().uri("/campaigns/{id}", campaign).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("id=\"recall-campaign-disabled\"")
			.contains("Past the recall window since " + this.timeFormat.dateTimeWithZone(until, ZoneId.systemDefault())
					+ ": the Chat app keeps message history for 7 days");
		assertThat(this.mvc.post()
			.uri("/campaigns/{id}/recall", campaign)
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")).hasStatus(302).flash().containsEntry("failure", "campaigns.recall.tooLate");
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isZero();
	}

	private long deliveryOf(long run, String account) {
		return this.jdbc.sql("select id from delivery where run_id = ? and official_account = ?")
			.param(run)
			.param(account)
			.query(Long.class)
			.single();
	}

	/** Makes Tencent's MsgTime of a delivery lie the given time back. */
	private Instant sentAgo(long delivery, Duration age) {
		Instant sentAt = Instant.ofEpochSecond(this.clock.instant().minus(age).getEpochSecond());
		this.jdbc.sql("update delivery set msg_time = ? where id = ?")
			.param(sentAt.getEpochSecond())
			.param(delivery)
			.update();
		return sentAt;
	}

	private String status(long delivery) {
		return this.jdbc.sql("select status from delivery where id = ?").param(delivery).query(String.class).single();
	}

}
