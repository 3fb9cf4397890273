package dev.herald.delivery;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.AtOnce;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator decides what became of deliveries Herald could not tell were sent: over
 * real HTTP (sign-in, CSRF, redirects), on the real database, with the built-in simulator
 * and this JVM's dispatcher sending what is sent again.
 */
@ApplicationTest
class DecisionTests {

	private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@LocalServerPort
	private int port;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private DeliveryFixtures fixtures;

	@Autowired
	private DecisionFixtures decisions;

	@Autowired
	private CampaignFixtures campaigns;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private TestUsers users;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void markedAsSentWithItsMsgKeyTheDeliveryIsSentAndCanBeRecalled() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		long id = this.fixtures.inDoubtDelivery(this.deliveries, app);
		long run = this.fixtures.delivery(id).runId();
		this.jdbc.sql("update delivery set doubt_reason = 'UNJUDGEABLE' where id = ?").param(id).update();
		// The message as the operator found it on the account, with Tencent's key.
		String account = app.accounts().get(0);
		String key = this.simulator.storeMessage(app.sdkAppId(), account, 0, CloudCustomData.wrap(id, null));
		String operator = this.users.create("decider", "OPERATOR");
		WebSession session = WebSession.signIn(this.port, operator);

		String page = session.get("/runs/" + run).body();
		assertThat(page).contains("id=\"awaiting-decision\"")
			.contains("1 delivery waits for your decision")
			.contains("id=\"awaiting-" + id + "\"")
			.contains("A message in the history might be this one, but lacks what Herald needs to tell.");
		HttpResponse<String> answer = session.post("/deliveries/" + id + "/mark-sent",
				Map.of("_csrf", WebSession.csrf(page), "msgKey", "  " + key + " "));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/runs/" + run));
		page = session.get("/runs/" + run).body();
		assertThat(page).contains("Marked as sent.").doesNotContain("id=\"awaiting-decision\"");
		assertThat(deliveryRow(page, id)).contains(">Sent<").contains(key).contains("/deliveries/" + id + "/recall");
		Map<String, Object> row = this.decisions.row(id);
		assertThat(row).containsEntry("status", "SENT").containsEntry("msg_key", key);
		assertThat(row.get("doubt_reason")).isNull();
		assertThat(this.decisions.audit("delivery.markedSent", "delivery", id)).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("actor", operator));
		assertThat(this.decisions.auditField("delivery.markedSent", "delivery", id, "after", "msgKey")).isEqualTo(key);
		assertThat(this.decisions.auditField("delivery.markedSent", "delivery", id, "after", "run"))
			.isEqualTo(String.valueOf(run));
		assertThat(this.decisions.auditField("delivery.markedSent", "delivery", id, "after", "officialAccount"))
			.isEqualTo(account);
		assertThat(this.decisions.auditField("delivery.markedSent", "delivery", id, "before", "doubtReason"))
			.isEqualTo("UNJUDGEABLE");

		// Recallable for real: Tencent (the simulator) recalls the message by that key.
		assertThat(session
			.post("/deliveries/" + id + "/recall", Map.of("_csrf", WebSession.csrf(page), "confirmed", "true"))
			.statusCode()).isEqualTo(302);
		assertThat(this.decisions.status(id)).isEqualTo("RECALLED");
		assertThat(this.simulator.recalledMessages(app.sdkAppId())).containsEntry(account, 1L);
	}

	@Test
	void markedAsSentWithoutAMsgKeyTheDeliveryIsSentButNotRecallable() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		long id = this.fixtures.inDoubtDelivery(this.deliveries, app);
		long run = this.fixtures.delivery(id).runId();
		WebSession session = operator();
		String page = session.get("/runs/" + run).body();

		assertThat(
				session.post("/deliveries/" + id + "/mark-sent", Map.of("_csrf", WebSession.csrf(page), "msgKey", ""))
					.statusCode())
			.isEqualTo(302);

		page = session.get("/runs/" + run).body();
		assertThat(deliveryRow(page, id)).contains(">Sent<").doesNotContain("/deliveries/" + id + "/recall");
		Map<String, Object> row = this.decisions.row(id);
		assertThat(row).containsEntry("status", "SENT");
		assertThat(row.get("msg_key")).isNull();
		assertThat(this.decisions.audit("delivery.markedSent", "delivery", id)).hasSize(1);
		assertThat(this.decisions.auditField("delivery.markedSent", "delivery", id, "after", "msgKey")).isNull();
	}

	@Test
	void sentAgainTheDeliveriesGoOutOnceTheRunFinishesAgainAndTheCampaignRunCountsThemQuietly() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		long campaign = this.campaigns.completedCampaign(app.id(), "Decided " + app.sdkAppId());
		long campaignRun = this.jdbc.sql("""
				insert into campaign_run (campaign_id, scheduled_for, fired_at, status, target_count, sent, failed,
				                          finished_at)
				values (:campaign, :at, :at, 'COMPLETED_WITH_FAILURES', 2, 0, 2, :at) returning id""")
			.param("campaign", campaign)
			.param("at", Timestamp.from(Instant.now().minus(Duration.ofMinutes(9))))
			.query(Long.class)
			.single();
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, campaign, campaignRun);
		this.jdbc.sql("update campaign_run set delivery_run_id = ? where id = ?")
			.params(run.runId(), campaignRun)
			.update();
		WebSession session = operator();
		String page = session.get("/runs/" + run.runId()).body();
		assertThat(page).contains("2 deliveries wait for your decision").contains("Send all 2 again");

		assertThat(
				session.post("/deliveries/" + run.delivery(0) + "/send-again", Map.of("_csrf", WebSession.csrf(page)))
					.statusCode())
			.isEqualTo(302);

		assertThat(session.get("/runs/" + run.runId()).body())
			.contains("The delivery is queued and will be sent again.");
		await().atMost(DeliveryFixtures.TIMEOUT).until(() -> "SENT".equals(this.decisions.status(run.delivery(0))));
		this.fixtures.awaitFinished(run.runId());
		assertThat(this.decisions.runState(run.runId())).isEqualTo(RunState.FINISHED);
		assertThat(this.simulator.acceptedBroadcasts(app.sdkAppId())).containsEntry(app.accounts().get(0), 1L)
			.containsEntry(app.accounts().get(1), 0L);
		Map<String, Object> row = this.decisions.row(run.delivery(0));
		assertThat(row).containsEntry("attempts", 3);
		assertThat(((Timestamp) row.get("first_attempt_at")).toInstant()).as("the true first attempt")
			.isEqualTo(run.firstAttemptAt());
		assertThat(this.decisions.audit("delivery.sentAgain", "delivery", run.delivery(0))).hasSize(1);
		assertThat(this.decisions.auditField("delivery.sentAgain", "delivery", run.delivery(0), "after", "runReopened"))
			.isEqualTo("true");
		await().atMost(DeliveryFixtures.TIMEOUT)
			.until(() -> campaignRunRow(campaignRun), "COMPLETED_WITH_FAILURES 1 1"::equals);

		page = session.get("/runs/" + run.runId()).body();
		assertThat(page).contains("1 delivery waits for your decision");
		assertThat(deliveryRow(page, run.delivery(0))).contains(">Sent<")
			.contains(PAGE_TIME.format(run.firstAttemptAt().atZone(ZoneId.systemDefault())));
		assertThat(session
			.post("/runs/" + run.runId() + "/awaiting/send-again",
					Map.of("_csrf", WebSession.csrf(page), "confirmed", "true"))
			.statusCode()).isEqualTo(302);

		assertThat(session.get("/runs/" + run.runId()).body()).contains("1 delivery is queued and will be sent again.");
		await().atMost(DeliveryFixtures.TIMEOUT).until(() -> "SENT".equals(this.decisions.status(run.delivery(1))));
		this.fixtures.awaitFinished(run.runId());
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(this.decisions.auditField("run.sentAllAgain", "run", run.runId(), "after", "deliveries"))
			.isEqualTo("1");
		await().atMost(DeliveryFixtures.TIMEOUT)
			.until(() -> campaignRunRow(campaignRun), "COMPLETED_WITH_FAILURES 2 0"::equals);
		// Quietly: the campaign's audit has no line for the run's second and third end.
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'campaign.runFinished' and object_id = ?""")
			.param(String.valueOf(campaign))
			.query(Long.class)
			.single()).isZero();
		assertThat(
				this.jdbc.sql("select status from campaign where id = ?").param(campaign).query(String.class).single())
			.isEqualTo("COMPLETED");
	}

	@Test
	void aPausedRunIsNotReopenedAndSendsTheDeliveryAfterItsResume() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.PAUSED, null, null);
		WebSession session = operator();
		String page = session.get("/runs/" + run.runId()).body();

		assertThat(
				session.post("/deliveries/" + run.delivery(0) + "/send-again", Map.of("_csrf", WebSession.csrf(page)))
					.statusCode())
			.isEqualTo(302);

		Map<String, Object> row = this.decisions.row(run.delivery(0));
		assertThat(row).containsEntry("status", "QUEUED").containsEntry("maybe_sent", false);
		assertThat(row.get("next_attempt_at")).isNotNull();
		assertThat(row.get("resend_window_from")).isNull();
		assertThat(row.get("doubt_reason")).isNull();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.simulator.calls(app.sdkAppId(), SimulatorDirectory.SEND) == 0);
		assertThat(this.decisions.runState(run.runId())).isEqualTo(RunState.PAUSED);

		this.deliveries.resume(run.runId());
		this.fixtures.awaitFinished(run.runId());
		assertThat(this.decisions.status(run.delivery(0))).isEqualTo("SENT");
		this.fixtures.assertExactlyOnceWithinLimits(app);
	}

	@Test
	void aCancelledRunsDeliveriesAreMarkedNotSentAndNeverSentAgain() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.CANCELLED, null, null);
		WebSession session = operator();
		String page = session.get("/runs/" + run.runId()).body();
		assertThat(page).contains("3 deliveries wait for your decision")
			.contains("Mark all 3 as not sent")
			.doesNotContain("id=\"send-all-again\"")
			.doesNotContain("/send-again\"");
		String csrf = WebSession.csrf(page);

		// Forged: the buttons are not on the page.
		session.post("/deliveries/" + run.delivery(0) + "/send-again", Map.of("_csrf", csrf));
		assertThat(session.get("/runs/" + run.runId()).body())
			.contains("The run is cancelled, so nothing is sent again. Mark it as sent or as not sent.");
		session.post("/runs/" + run.runId() + "/awaiting/send-again", Map.of("_csrf", csrf, "confirmed", "true"));
		assertThat(session.get("/runs/" + run.runId()).body())
			.contains("The run is cancelled, so nothing is sent again. Mark it as sent or as not sent.");
		assertThat(this.decisions.row(run.delivery(0))).containsEntry("status", "IN_DOUBT");

		assertThat(
				session.post("/deliveries/" + run.delivery(0) + "/mark-not-sent", Map.of("_csrf", csrf)).statusCode())
			.isEqualTo(302);
		assertThat(session.get("/runs/" + run.runId()).body()).contains("Marked as not sent.");
		assertThat(this.decisions.status(run.delivery(0))).isEqualTo("CANCELLED");
		assertThat(this.decisions.audit("delivery.markedNotSent", "delivery", run.delivery(0))).hasSize(1);

		session.post("/runs/" + run.runId() + "/awaiting/mark-not-sent", Map.of("_csrf", csrf, "confirmed", "true"));
		assertThat(session.get("/runs/" + run.runId()).body()).contains("2 deliveries marked as not sent.")
			.doesNotContain("id=\"awaiting-decision\"");
		assertThat(this.fixtures.count(run.runId(), DeliveryStatus.CANCELLED)).isEqualTo(3);
		assertThat(this.decisions.auditField("run.markedAllNotSent", "run", run.runId(), "after", "deliveries"))
			.isEqualTo("2");
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.SEND)).isZero();
		assertThat(this.decisions.runState(run.runId())).isEqualTo(RunState.CANCELLED);
	}

	@Test
	void onlyACancelledRunsDeliveriesCanBeMarkedNotSent() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, null, null);
		WebSession session = operator();
		String page = session.get("/runs/" + run.runId()).body();
		assertThat(page).doesNotContain("/mark-not-sent\"");

		session.post("/deliveries/" + run.delivery(0) + "/mark-not-sent", Map.of("_csrf", WebSession.csrf(page)));

		assertThat(session.get("/runs/" + run.runId()).body()).contains(
				"Only deliveries of a cancelled run can be marked as not sent. Mark it as sent or send it again.");
		assertThat(this.decisions.row(run.delivery(0))).containsEntry("status", "IN_DOUBT");
		assertThat(this.decisions.audit("delivery.markedNotSent", "delivery", run.delivery(0))).isEmpty();
	}

	@Test
	void twoDecisionsAtOnceDecideOnceAndTheOtherOperatorIsToldItWasDecided() throws Exception {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, null, null);
		WebSession first = operator();
		WebSession second = operator();
		String firstCsrf = WebSession.csrf(first.get("/runs/" + run.runId()).body());
		String secondCsrf = WebSession.csrf(second.get("/runs/" + run.runId()).body());
		String path = "/deliveries/" + run.delivery(0) + "/mark-sent";

		List<HttpResponse<String>> answers = AtOnce.run(List.<Callable<HttpResponse<String>>>of(
				() -> first.post(path, Map.of("_csrf", firstCsrf, "msgKey", "11_1_1700000001")),
				() -> second.post(path, Map.of("_csrf", secondCsrf, "msgKey", "22_1_1700000002"))));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
		List<String> pages = List.of(first.get("/runs/" + run.runId()).body(),
				second.get("/runs/" + run.runId()).body());
		assertThat(pages).filteredOn((page) -> page.contains("Marked as sent.")).hasSize(1);
		assertThat(pages)
			.filteredOn((page) -> page.contains("Already decided: someone decided on this delivery first."))
			.hasSize(1);
		assertThat(this.decisions.audit("delivery.markedSent", "delivery", run.delivery(0))).hasSize(1);
		assertThat(this.decisions.row(run.delivery(0)).get("msg_key")).isEqualTo(
				this.decisions.auditField("delivery.markedSent", "delivery", run.delivery(0), "after", "msgKey"));

		// A double-click on "send again": one decision, one broadcast.
		String again = "/deliveries/" + run.delivery(1) + "/send-again";
		assertThat(AtOnce.repeat(2, () -> first.post(again, Map.of("_csrf", firstCsrf))))
			.extracting(HttpResponse::statusCode)
			.containsOnly(302);
		assertThat(this.decisions.audit("delivery.sentAgain", "delivery", run.delivery(1))).hasSize(1);
		await().atMost(DeliveryFixtures.TIMEOUT).until(() -> "SENT".equals(this.decisions.status(run.delivery(1))));
		this.fixtures.awaitFinished(run.runId());
		assertThat(this.simulator.acceptedBroadcasts(app.sdkAppId())).containsEntry(app.accounts().get(1), 1L);
	}

	@Test
	void anAnalystSeesTheDeliveriesButMayNotDecide() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, null, null);
		WebSession analyst = WebSession.signIn(this.port, this.users.create("analyst", "ANALYST"));
		String page = analyst.get("/runs/" + run.runId()).body();
		assertThat(page).contains("1 delivery waits for your decision").doesNotContain("/mark-sent\"");

		for (String decision : List.of("/deliveries/" + run.delivery(0) + "/mark-sent",
				"/deliveries/" + run.delivery(0) + "/send-again", "/runs/" + run.runId() + "/awaiting/mark-sent",
				"/runs/" + run.runId() + "/awaiting/send-again")) {
			assertThat(analyst.post(decision, Map.of("_csrf", WebSession.csrf(page), "msgKey", "1_1_1")).statusCode())
				.as(decision)
				.isEqualTo(403);
		}
		assertThat(this.decisions.row(run.delivery(0))).containsEntry("status", "IN_DOUBT");
		assertThat(this.decisions.audit("delivery.markedSent", "delivery", run.delivery(0))).isEmpty();
	}

	@Test
	void aMsgKeyThatIsNotOneComesBackBesideItsFieldWithWhatWasTyped() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, null, null);
		long id = run.delivery(0);
		WebSession session = operator();
		String csrf = WebSession.csrf(session.get("/runs/" + run.runId()).body());

		HttpResponse<String> spaced = session.post("/deliveries/" + id + "/mark-sent",
				Map.of("_csrf", csrf, "msgKey", "89541 1 1572870301"));
		assertThat(spaced.statusCode()).isEqualTo(200);
		assertThat(awaitingRow(spaced.body(), id)).contains("value=\"89541 1 1572870301\"")
			.contains("is-invalid")
			.contains("A MsgKey holds only letters, digits and signs such as _ (no spaces).");

		String tooLong = "7".repeat(65);
		HttpResponse<String> longer = session.post("/deliveries/" + id + "/mark-sent",
				Map.of("_csrf", csrf, "msgKey", tooLong));
		assertThat(longer.statusCode()).isEqualTo(200);
		assertThat(awaitingRow(longer.body(), id)).contains("value=\"" + tooLong + "\"")
			.contains("A MsgKey has at most 64 characters.");

		HttpResponse<String> fullWidth = session.post("/deliveries/" + id + "/mark-sent",
				Map.of("_csrf", csrf, "msgKey", "８９５４１_1_1"));
		assertThat(awaitingRow(fullWidth.body(), id)).contains("A MsgKey holds only letters");

		assertThat(this.decisions.row(id)).containsEntry("status", "IN_DOUBT");
		assertThat(this.decisions.audit("delivery.markedSent", "delivery", id)).isEmpty();
	}

	@Test
	void thousandsArePagedAllAreDecidedAtOnceAndTheDashboardLinksTheRunWhileAnyWait() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, RunPage.LISTED_AWAITING + 5);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, null, null);
		WebSession session = operator();
		String dashboard = session.get("/").body();
		assertThat(dashboard).contains("id=\"dashboard-awaiting-decision\"")
			.contains("id=\"awaiting-run-" + run.runId() + "\"")
			.contains("Run " + run.runId() + ": " + (RunPage.LISTED_AWAITING + 5) + " deliveries");

		String page = session.get("/runs/" + run.runId()).body();
		assertThat(count(page, "class=\"awaiting-row\"")).isEqualTo(RunPage.LISTED_AWAITING);
		long lastListed = run.delivery(RunPage.LISTED_AWAITING - 1);
		assertThat(page).contains("awaitingAfter=" + lastListed);
		String next = session.get("/runs/" + run.runId() + "?awaitingAfter=" + lastListed).body();
		assertThat(count(next, "class=\"awaiting-row\"")).isEqualTo(5);
		assertThat(next).contains("id=\"awaiting-first\"").doesNotContain("id=\"awaiting-next\"");

		session.post("/runs/" + run.runId() + "/awaiting/mark-sent",
				Map.of("_csrf", WebSession.csrf(page), "confirmed", "true"));
		assertThat(session.get("/runs/" + run.runId()).body())
			.contains((RunPage.LISTED_AWAITING + 5) + " deliveries marked as sent.");
		assertThat(this.fixtures.count(run.runId(), DeliveryStatus.SENT)).isEqualTo(RunPage.LISTED_AWAITING + 5);
		assertThat(this.decisions.audit("run.markedAllSent", "run", run.runId())).hasSize(1);
		assertThat(this.decisions.auditField("run.markedAllSent", "run", run.runId(), "after", "deliveries"))
			.isEqualTo(String.valueOf(RunPage.LISTED_AWAITING + 5));

		session.post("/runs/" + run.runId() + "/awaiting/mark-sent",
				Map.of("_csrf", WebSession.csrf(page), "confirmed", "true"));
		assertThat(session.get("/runs/" + run.runId()).body())
			.contains("Already decided: no delivery of this run waits for a decision any more.");
		assertThat(this.decisions.audit("run.markedAllSent", "run", run.runId())).hasSize(1);
		assertThat(session.get("/").body()).doesNotContain("id=\"awaiting-run-" + run.runId() + "\"");
	}

	private WebSession operator() {
		return WebSession.signIn(this.port, this.users.create("decider", "OPERATOR"));
	}

	private String campaignRunRow(long campaignRun) {
		return this.jdbc.sql("select status || ' ' || sent || ' ' || failed from campaign_run where id = ?")
			.param(campaignRun)
			.query(String.class)
			.single();
	}

	/** A delivery's row in the run page's list of deliveries. */
	private static String deliveryRow(String page, long id) {
		return tableRow(page, "delivery-" + id);
	}

	/** A delivery's row in the panel of deliveries waiting for a decision. */
	private static String awaitingRow(String page, long id) {
		return tableRow(page, "awaiting-" + id);
	}

	private static String tableRow(String page, String rowId) {
		Matcher row = Pattern.compile("(?s)<tr[^>]*id=\"" + rowId + "\".*?</tr>").matcher(page);
		assertThat(row.find()).as("row " + rowId).isTrue();
		return row.group();
	}

	private static int count(String page, String text) {
		return page.split(Pattern.quote(text), -1).length - 1;
	}

}
