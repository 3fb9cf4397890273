package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.TencentCallbacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.herald.delivery.DeliveryFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Pause, resume and cancel mid-run on this JVM's own dispatcher, the run page, and the
 * Tencent callbacks.
 */
@ApplicationTest
class RunControlTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String AFTER_SEND = "OfficialAccount.CallbackAfterSendMsg";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private RunStore store;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	private DeliveryFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = DeliveryFixtures.of(this.context);
	}

	@Test
	void pauseStopsNewCallsWithinASecondAndResumeContinuesWithoutDuplicateOrSkip() throws InterruptedException {
		DeliveryFixtures.TestApp app = this.fixtures.app(20, 60);
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "pause"));
		await(TIMEOUT, () -> this.fixtures.count(run, DeliveryStatus.SENT) >= 10, "10 sent");
		this.deliveries.pause(run);
		Thread.sleep(1000);
		long callsAfterASecond = this.simulator.calls(app.sdkAppId(), SimulatorDirectory.SEND);
		Thread.sleep(1000);
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.SEND)).as("calls while paused")
			.isEqualTo(callsAfterASecond);
		assertThat(callsAfterASecond).isLessThan(60);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.PAUSED);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENDING)).isZero();
		this.deliveries.resume(run);
		await(TIMEOUT, () -> this.fixtures.finished(run), "run to finish");
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(60);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(this.deliveries.progress(run).state()).isEqualTo(RunState.FINISHED);
	}

	@Test
	void cancelMarksTheRestCancelledAndSendsNothingMore() throws InterruptedException {
		DeliveryFixtures.TestApp app = this.fixtures.app(20, 60);
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "cancel"));
		await(TIMEOUT, () -> this.fixtures.count(run, DeliveryStatus.SENT) >= 10, "10 sent");
		this.deliveries.cancel(run);
		await(TIMEOUT, () -> this.fixtures.finished(run), "run to finish");
		Thread.sleep(1000);
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
		List<String> twice = new java.util.ArrayList<>(app.accounts());
		twice.addAll(app.accounts());
		long run = this.deliveries.startRun(new RunOrder(app.id(), DeliveryFixtures.content("dedup"), twice, 77L, 78L));
		assertThat(this.deliveries.progress(run).total()).isEqualTo(3);
		assertThat(this.mvc.get().uri("/runs/{id}", run).with(user("ana").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("run-progress-" + run)
			.doesNotContain("id=\"pause\"");
		await(TIMEOUT, () -> this.fixtures.finished(run), "run to finish");
		assertThat(this.mvc.get().uri("/runs/{id}/progress", run).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("count-SENT")
			.doesNotContain("hx-trigger");
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
		assertThat(this.store.delivery(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(this.store.delivery(id).orElseThrow().msgKey()).isEqualTo("9_1_9");
		assertThat(this.mvc.post()
			.uri("/callbacks/tencent?" + TencentCallbacks.signed(app.sdkAppId(),
					"OfficialAccount.CallbackAfterMsgWithDraw", TencentCallbacks.TOKEN, Instant.now()))
			.content("""
					{"Official_Account":"%s","WithdrawMsgList":[{"MsgKey":"9_1_9"}]}"""
				.formatted(app.accounts().get(0))))
			.hasStatusOk();
		assertThat(this.store.delivery(id).orElseThrow().status()).isEqualTo(DeliveryStatus.RECALLED);
	}

	@Test
	void aCallbackThatBeatsTheCallsAnswerCountsTheBroadcastInTheOaWindowOnce() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, TencentCallbacks.TOKEN);
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "callback first"));
		await(TIMEOUT, () -> this.fixtures.finished(run), "run to finish");
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
		assertThat(this.store.delivery(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
		Map<String, Object> window = this.jdbc.sql(
				"select last_broadcast_at, prev_broadcast_at from oa_window where chat_app_id = ? and official_account = ?")
			.params(app.id(), app.accounts().get(0))
			.query()
			.singleRow();
		// Counted once: the earlier broadcast moved to prev, the callback's is the last.
		assertThat(((java.sql.Timestamp) window.get("prev_broadcast_at")).toInstant()).isEqualTo(first);
		assertThat(((java.sql.Timestamp) window.get("last_broadcast_at")).toInstant()).isAfter(first);
	}

	private Instant lastBroadcast(DeliveryFixtures.TestApp app) {
		return this.jdbc.sql("select last_broadcast_at from oa_window where chat_app_id = ? and official_account = ?")
			.params(app.id(), app.accounts().get(0))
			.query(java.sql.Timestamp.class)
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
		await(TIMEOUT, () -> this.fixtures.finished(run), "run to finish");
	}

}
