package dev.herald.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.TencentCallbacks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Pause, resume and cancel mid-run on this JVM's own dispatcher, the run page, and the
 * Tencent callbacks.
 */
@ApplicationTest
class RunControlTests {

	/** A pause or cancel stops new calls within this. */
	private static final Duration STOPS_WITHIN = Duration.ofSeconds(1);

	private static final String AFTER_SEND = "OfficialAccount.CallbackAfterSendMsg";

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private DeliveryFixtures fixtures;

	@Test
	void pauseStopsNewCallsWithinASecondAndResumeContinuesWithoutDuplicateOrSkip() {
		DeliveryFixtures.TestApp app = this.fixtures.app(20, 60);
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "pause"));
		this.fixtures.awaitSent(run, 10);
		this.deliveries.pause(run);
		Instant paused = Instant.now();
		// Calls claimed before the pause end; then nothing moves while the run is paused.
		await().atMost(DeliveryFixtures.TIMEOUT).until(() -> this.fixtures.count(run, DeliveryStatus.SENDING) == 0);
		await().during(STOPS_WITHIN.multipliedBy(2))
			.atMost(DeliveryFixtures.TIMEOUT)
			.until(() -> this.fixtures.count(run, DeliveryStatus.SENDING) == 0);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isLessThan(60);
		Instant resumed = Instant.now();
		this.deliveries.resume(run);
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.attemptsStartedBetween(run, AttemptKind.SEND, paused.plus(STOPS_WITHIN), resumed))
			.as("calls started while paused")
			.isZero();
		assertThat(this.fixtures.attemptsStartedSince(run, AttemptKind.SEND, resumed)).as("calls after the resume")
			.isPositive();
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(60);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.FINISHED);
	}

	@Test
	void cancelMarksTheRestCancelledAndSendsNothingMore() {
		DeliveryFixtures.TestApp app = this.fixtures.app(20, 60);
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "cancel"));
		this.fixtures.awaitSent(run, 10);
		this.deliveries.cancel(run);
		Instant cancelled = Instant.now();
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.attemptsStartedSince(run, AttemptKind.SEND, cancelled.plus(STOPS_WITHIN)))
			.as("sends started after the cancel")
			.isZero();
		Map<DeliveryStatus, Long> counts = this.fixtures.counts(run);
		assertThat(counts.get(DeliveryStatus.SENT) + counts.get(DeliveryStatus.CANCELLED)).isEqualTo(60);
		assertThat(counts.get(DeliveryStatus.CANCELLED)).isPositive();
		List<String> sent = this.jdbc.sql("select official_account from delivery where run_id = ? and status = 'SENT'")
			.param(run)
			.query(String.class)
			.list();
		Map<String, Long> broadcasts = this.simulator.acceptedBroadcasts(app.sdkAppId());
		broadcasts.forEach((account, n) -> assertThat(n).as(account).isEqualTo(sent.contains(account) ? 1L : 0L));
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.CANCELLED);
		assertThatIllegalStateException().isThrownBy(() -> this.deliveries.resume(run));
	}

	@Test
	void targetsAreDeduplicatedAndTheRunPageShowsLiveProgress() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 3);
		List<String> twice = new ArrayList<>(app.accounts());
		twice.addAll(app.accounts());
		long run = this.deliveries.startRun(new RunOrder(app.id(), DeliveryFixtures.content("dedup"), twice, 77L, 78L));
		assertThat(this.deliveries.progress(run).total()).isEqualTo(3);
		assertThat(this.mvc.get().uri("/runs/{id}", run).with(user("ana").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("run-progress-" + run)
			.doesNotContain("id=\"pause\"");
		this.fixtures.awaitFinished(run);
		assertThat(this.mvc.get().uri("/runs/{id}/progress", run).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("count-SENT")
			.doesNotContain("data-hx-trigger");
		assertThat(this.mvc.get().uri("/runs/{id}", run).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("id=\"recall\"");
		this.fixtures.assertExactlyOnceWithinLimits(app);
	}

	@Test
	void afterSendCallbackSettlesAnInDoubtDeliveryAndForeignAppsAreRefused() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, TencentCallbacks.TOKEN);
		long id = this.fixtures.inDoubtDelivery(this.deliveries, app);
		String body = """
				{"CallbackCommand":"OfficialAccount.CallbackAfterSendMsg","Official_Account":"%s","MsgKey":"9_1_9",
				 "MsgTime":9,"CloudCustomData":%s}""".formatted(app.accounts().get(0),
				tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.writeValueAsString(CloudCustomData.wrap(id, "campaign-data")));
		assertThat(this.mvc.post()
			.uri("/callbacks/tencent?" + TencentCallbacks.signed(1, AFTER_SEND, TencentCallbacks.TOKEN, Instant.now()))
			.content(body)).hasStatus(400);
		assertThat(this.mvc.post()
			.uri("/callbacks/tencent?"
					+ TencentCallbacks.signed(app.sdkAppId(), AFTER_SEND, TencentCallbacks.TOKEN, Instant.now()))
			.content(body)).hasStatusOk().bodyText().contains("\"ErrorCode\":0");
		assertThat(this.fixtures.delivery(id).status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(this.fixtures.delivery(id).msgKey()).isEqualTo("9_1_9");
		assertThat(this.mvc.post()
			.uri("/callbacks/tencent?" + TencentCallbacks.signed(app.sdkAppId(),
					"OfficialAccount.CallbackAfterMsgWithDraw", TencentCallbacks.TOKEN, Instant.now()))
			.content("""
					{"Official_Account":"%s","WithdrawMsgList":[{"MsgKey":"9_1_9"}]}"""
				.formatted(app.accounts().get(0))))
			.hasStatusOk();
		assertThat(this.fixtures.delivery(id).status()).isEqualTo(DeliveryStatus.RECALLED);
	}

	@Test
	void aCallbackThatBeatsTheCallsAnswerCountsTheBroadcastInTheOaWindowOnce() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, TencentCallbacks.TOKEN);
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "callback first"));
		this.fixtures.awaitFinished(run);
		long id = this.jdbc.sql("select id from delivery where run_id = ?").param(run).query(Long.class).single();
		Instant first = lastBroadcast(app);
		assertThat(first).isNotNull();
		// The call is still out (SENDING, not counted) when Tencent's callback arrives.
		this.jdbc.sql("""
				update delivery set status = 'SENDING', claimed_by = 'elsewhere', window_counted = false,
				                    msg_key = null where id = ?""").param(id).update();
		String body = """
				{"CallbackCommand":"OfficialAccount.CallbackAfterSendMsg","Official_Account":"%s","MsgKey":"7_1_7",
				 "MsgTime":7,"CloudCustomData":%s}""".formatted(app.accounts().get(0),
				tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.writeValueAsString(CloudCustomData.wrap(id, null)));
		// Tencent repeating a callback signs it again at its own time (the same signed
		// request
		// twice would be refused as a replay).
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri("/callbacks/tencent?" + TencentCallbacks.signed(app.sdkAppId(), AFTER_SEND, TencentCallbacks.TOKEN,
						Instant.now().minusSeconds(i)))
				.content(body)).hasStatusOk();
		}
		assertThat(this.fixtures.delivery(id).status()).isEqualTo(DeliveryStatus.SENT);
		Map<String, Object> window = this.jdbc.sql(
				"select last_broadcast_at, prev_broadcast_at from oa_window where chat_app_id = ? and official_account = ?")
			.params(app.id(), app.accounts().get(0))
			.query()
			.singleRow();
		// Counted once: the earlier broadcast moved to prev, the callback's is the last.
		assertThat(((Timestamp) window.get("prev_broadcast_at")).toInstant()).isEqualTo(first);
		assertThat(((Timestamp) window.get("last_broadcast_at")).toInstant()).isAfter(first);
	}

	private Instant lastBroadcast(DeliveryFixtures.TestApp app) {
		return this.jdbc.sql("select last_broadcast_at from oa_window where chat_app_id = ? and official_account = ?")
			.params(app.id(), app.accounts().get(0))
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	@Test
	void operatorsPauseThroughThePage() {
		DeliveryFixtures.TestApp app = this.fixtures.app(5, 30);
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "page"));
		assertThat(this.mvc.post().uri("/runs/{id}/pause", run).with(user("op").roles("OPERATOR")).with(csrf()))
			.hasStatus(302);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);
		assertThat(this.mvc.post().uri("/runs/{id}/pause", run).with(user("op").roles("OPERATOR")).with(csrf()))
			.hasStatus(302)
			.flash()
			.containsEntry("failure", "run.state.conflict");
		this.deliveries.cancel(run);
		this.fixtures.awaitFinished(run);
	}

}
