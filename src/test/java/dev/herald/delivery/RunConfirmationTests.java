package dev.herald.delivery;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.herald.chatapp.ChatApps;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What cannot be undone on the run page asks first, over real HTTP: a POST without
 * {@code confirmed} changes nothing and answers the question, naming the run or account
 * and counting what will happen; the question's own form posts again with
 * {@code confirmed=true} and acts.
 */
@ApplicationTest
class RunConfirmationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DeliveryFixtures fixtures;

	@Autowired
	private DecisionFixtures decisions;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private Recalls recalls;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private TestUsers users;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void cancellingARunAsksWithTheDeliveriesItLeavesUnsentAndCancelsOnlyOnceConfirmed() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3);
		long run = this.fixtures.pausedRun(app);
		WebSession session = operator();
		String page = session.get("/runs/" + run).body();
		assertThat(WebSession.formTag(page, "action=\"/runs/" + run + "/cancel\"")).contains("data-confirm");

		HttpResponse<String> question = session.post("/runs/" + run + "/cancel",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("<h1 class=\"h3 mb-3\" id=\"confirm-title\">Cancel run " + run + "?</h1>")
			.contains("Cancel run " + run + ": 3 deliveries not yet sent will not be sent.")
			.contains("action=\"/runs/" + run + "/cancel\"")
			.contains("name=\"confirmed\" value=\"true\"")
			.contains(">Cancel run " + run + "</button>")
			.contains("href=\"/runs/" + run + "\"");
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);
		assertThat(this.fixtures.count(run, DeliveryStatus.QUEUED)).isEqualTo(3);

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.CANCELLED);
		assertThat(this.fixtures.count(run, DeliveryStatus.CANCELLED)).isEqualTo(3);
		assertThat(session.get("/runs/" + run).body()).contains("The run is cancelled.");
	}

	@Test
	void recallingARunAsksWithHowManyMessagesGoAndHowManyArePastTheWindow() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3, 7);
		long run = this.fixtures.sentRun(app, null);
		this.fixtures.sentAgo(this.fixtures.deliveries(run).get(0).id(), Duration.ofDays(8));
		WebSession session = operator();
		String page = session.get("/runs/" + run).body();
		assertThat(WebSession.formTag(page, "action=\"/runs/" + run + "/recall\"")).contains("data-confirm");

		HttpResponse<String> question = session.post("/runs/" + run + "/recall",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Recall the sent messages of run " + run + "?")
			.contains("Recall 2 sent messages of run " + run
					+ ": Tencent removes them from the chats of the official accounts.")
			.contains("1 more sent message is past the recall window and will stay.")
			.contains(">Recall 2 messages</button>");
		assertThat(this.recalls.latestOfRun(run)).isEmpty();
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isZero();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		RecallProgress recall = this.fixtures.awaitDone(this.recalls.latestOfRun(run).orElseThrow());
		assertThat(recall.recalled()).isEqualTo(2);
	}

	@Test
	void recallingOneDeliveryAsksNamingItsAccount() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		long run = this.fixtures.sentRun(app, null);
		long delivery = this.fixtures.deliveries(run).get(0).id();
		String account = app.accounts().get(0);
		WebSession session = operator();
		String page = session.get("/runs/" + run).body();
		assertThat(WebSession.formTag(page, "action=\"/deliveries/" + delivery + "/recall\"")).contains("data-confirm");

		HttpResponse<String> question = session.post("/deliveries/" + delivery + "/recall",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Recall the message to " + account + "?")
			.contains("Recall the message that delivery " + delivery + " of run " + run + " sent to " + account)
			.contains(">Recall the message</button>");
		assertThat(this.fixtures.delivery(delivery).status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isZero();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.fixtures.delivery(delivery).status()).isEqualTo(DeliveryStatus.RECALLED);
	}

	@Test
	void recallingACampaignAsksWithItsNameAndCount() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		String label = "Confirmed recall " + app.sdkAppId();
		long campaign = new CampaignFixtures(this.jdbc, this.chatApps, this.accounts).completedCampaign(app.id(),
				label);
		this.fixtures.sentRun(app, campaign);
		WebSession session = operator();
		// The fixture's campaign has no campaign run, so its page shows no recall button.
		String page = session.get("/campaigns/" + campaign).body();

		HttpResponse<String> question = session.post("/campaigns/" + campaign + "/recall",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Recall the sent messages of campaign &quot;" + label + "&quot;?")
			.contains("Recall 2 sent messages of campaign &quot;" + label + "&quot;, from all its runs")
			.doesNotContain("past the recall window");
		assertThat(this.recalls.latestOfCampaign(campaign)).isEmpty();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.fixtures.awaitDone(this.recalls.latestOfCampaign(campaign).orElseThrow()).recalled())
			.isEqualTo(2);
	}

	@Test
	void decisionsOnEveryWaitingDeliveryAskWithHowManyWait() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.FINISHED, null, null);
		WebSession session = operator();
		String page = session.get("/runs/" + run.runId()).body();
		String csrf = WebSession.csrf(page);
		assertThat(WebSession.formTag(page, "action=\"/runs/" + run.runId() + "/awaiting/mark-sent\""))
			.contains("data-confirm");
		assertThat(WebSession.formTag(page, "action=\"/runs/" + run.runId() + "/awaiting/send-again\""))
			.contains("data-confirm");

		HttpResponse<String> again = session.post("/runs/" + run.runId() + "/awaiting/send-again",
				Map.of("_csrf", csrf));
		assertThat(again.body()).contains("Send all 3 waiting deliveries of run " + run.runId() + " again?",
				"Herald sends 3 deliveries once more", ">Send 3 deliveries again</button>");
		HttpResponse<String> question = session.post("/runs/" + run.runId() + "/awaiting/mark-sent",
				Map.of("_csrf", csrf));
		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Mark all 3 waiting deliveries of run " + run.runId() + " as sent?")
			.contains("Herald records 3 deliveries as sent without asking Tencent")
			.contains(">Mark 3 deliveries as sent</button>");
		assertThat(this.fixtures.count(run.runId(), DeliveryStatus.IN_DOUBT)).isEqualTo(3);
		assertThat(this.decisions.audit("run.sentAllAgain", "run", run.runId())).isEmpty();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.fixtures.count(run.runId(), DeliveryStatus.SENT)).isEqualTo(3);
	}

	@Test
	void markingEveryDeliveryOfACancelledRunAsNotSentAsksFirst() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		DecisionFixtures.AwaitingRun run = this.decisions.awaitingRun(app, RunState.CANCELLED, null, null);
		WebSession session = operator();
		String page = session.get("/runs/" + run.runId()).body();
		assertThat(WebSession.formTag(page, "action=\"/runs/" + run.runId() + "/awaiting/mark-not-sent\""))
			.contains("data-confirm");

		HttpResponse<String> question = session.post("/runs/" + run.runId() + "/awaiting/mark-not-sent",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.body()).contains("Mark the waiting delivery of run " + run.runId() + " as not sent?")
			.contains("Herald records 1 delivery as never sent; the run is cancelled, so it will not be sent.")
			.contains(">Mark 1 delivery as not sent</button>");
		assertThat(this.decisions.status(run.delivery(0))).isEqualTo("IN_DOUBT");

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.decisions.status(run.delivery(0))).isEqualTo("CANCELLED");
	}

	@Test
	void theScriptGetsTheSameQuestionAsADialogOnly() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		long run = this.fixtures.pausedRun(app);

		assertThat(this.mvc.post()
			.uri("/runs/{id}/cancel", run)
			.header("X-Herald-Confirm", "dialog")
			.with(user("op").roles("OPERATOR"))
			.with(csrf())).hasStatusOk()
			.bodyText()
			.startsWith("<dialog id=\"confirm-dialog\"")
			.contains("aria-labelledby=\"confirm-title\"",
					"<h2 class=\"h5 mb-3\" id=\"confirm-title\">Cancel run " + run + "?</h2>",
					"2 deliveries not yet sent will not be sent", "name=\"confirmed\" value=\"true\"", "name=\"_csrf\"",
					"data-confirm-back", "autofocus")
			.doesNotContain("<nav", "href=\"/runs/" + run + "\"");
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);
	}

	private WebSession operator() {
		return WebSession.signIn(this.port, this.users.create("confirmer", "OPERATOR"));
	}

}
