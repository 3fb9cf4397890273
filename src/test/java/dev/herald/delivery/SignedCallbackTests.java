package dev.herald.delivery;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.TencentCallbacks;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tencent's callbacks over real HTTP: only a correctly signed, fresh, first-seen callback
 * changes a delivery; and the simulator's own signed callbacks settle deliveries whose
 * answers were lost.
 */
@ApplicationTest
class SignedCallbackTests {

	private static final String AFTER_SEND = "OfficialAccount.CallbackAfterSendMsg";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	@Autowired
	private DeliveryFixtures fixtures;

	private TencentCallbacks tencent;

	@BeforeEach
	void tencentCallbacks() {
		this.tencent = new TencentCallbacks(this.port);
	}

	@Test
	void onlyTheCorrectlySignedFreshCallbackSettlesAnInDoubtDelivery() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, TencentCallbacks.TOKEN);
		long id = this.fixtures.inDoubtDelivery(this.deliveries, app);
		String body = afterSend(app, id, "77_1_77");
		// Request times are whole seconds: 65 s keeps "stale" and "future" past the 60 s
		// limit however the second is cut and however long the calls take.
		Instant now = Instant.now();
		double refusedBefore = refused("badSignature");

		HttpResponse<String> forged = this.tencent
			.post(TencentCallbacks.signed(app.sdkAppId(), AFTER_SEND, "not-the-token", now), body);
		HttpResponse<String> unsigned = this.tencent.post(TencentCallbacks.unsigned(app.sdkAppId(), AFTER_SEND), body);
		HttpResponse<String> stale = this.tencent.post(
				TencentCallbacks.signed(app.sdkAppId(), AFTER_SEND, TencentCallbacks.TOKEN, now.minusSeconds(65)),
				body);
		HttpResponse<String> future = this.tencent.post(
				TencentCallbacks.signed(app.sdkAppId(), AFTER_SEND, TencentCallbacks.TOKEN, now.plusSeconds(65)), body);

		assertThat(List.of(forged.statusCode(), unsigned.statusCode(), stale.statusCode(), future.statusCode()))
			.containsOnly(401);
		assertThat(forged.body()).contains("\"ActionStatus\":\"FAIL\"").contains("\"ErrorCode\":1");
		assertThat(this.fixtures.delivery(id).status()).isEqualTo(DeliveryStatus.IN_DOUBT);
		assertThat(this.fixtures.delivery(id).msgKey()).isNull();
		assertThat(refused("badSignature")).isEqualTo(refusedBefore + 1);

		String signed = TencentCallbacks.signed(app.sdkAppId(), AFTER_SEND, TencentCallbacks.TOKEN, now);
		HttpResponse<String> accepted = this.tencent.post(signed, body);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).contains("\"ActionStatus\":\"OK\"").contains("\"ErrorCode\":0");
		assertThat(this.fixtures.delivery(id).status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(this.fixtures.delivery(id).msgKey()).isEqualTo("77_1_77");

		// The same signed request again, after the delivery was put back: a replay
		// changes
		// nothing.
		this.jdbc.sql("update delivery set status = 'IN_DOUBT', msg_key = null where id = ?").param(id).update();
		HttpResponse<String> replayed = this.tencent.post(signed, body);
		assertThat(replayed.statusCode()).isEqualTo(409);
		assertThat(replayed.body()).contains("replayed");
		assertThat(this.fixtures.delivery(id).status()).isEqualTo(DeliveryStatus.IN_DOUBT);
	}

	@Test
	void anAppWithoutATokenRefusesCallbacksUnlessUnsignedOnesAreExplicitlyAllowed() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1);
		long id = this.fixtures.inDoubtDelivery(this.deliveries, app);
		String body = afterSend(app, id, "78_1_78");
		HttpResponse<String> refused = this.tencent.post(TencentCallbacks.unsigned(app.sdkAppId(), AFTER_SEND), body);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("notConfigured");
		assertThat(this.fixtures.delivery(id).status()).isEqualTo(DeliveryStatus.IN_DOUBT);

		this.jdbc.sql("update chat_app set allow_unsigned_callbacks = true where id = ?").param(app.id()).update();
		assertThat(this.tencent.post(TencentCallbacks.unsigned(app.sdkAppId(), AFTER_SEND), body).statusCode())
			.isEqualTo(200);
		assertThat(this.fixtures.delivery(id).msgKey()).isEqualTo("78_1_78");
	}

	@Test
	void aBodyOverTheCapIsRefusedUnread() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 1, TencentCallbacks.TOKEN);
		String huge = "{\"Official_Account\":\"" + "x".repeat(70_000) + "\"}";
		HttpResponse<String> answer = this.tencent
			.post(TencentCallbacks.signed(app.sdkAppId(), AFTER_SEND, TencentCallbacks.TOKEN, Instant.now()), huge);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("tooLarge");
		assertThat(this.jdbc.sql("select last_refused_reason from chat_app_callback_status where chat_app_id = ?")
			.param(app.id())
			.query(String.class)
			.single()).isEqualTo("tooLarge");
	}

	@Test
	void theSimulatorsSignedCallbacksSettleDeliveriesWhoseAnswersWereLost() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 12, TencentCallbacks.TOKEN);
		// As an admin would configure the Tencent console: Herald's callback URL and
		// token.
		this.simulator.registerApp(app.sdkAppId(), "administrator", DeliveryFixtures.KEY, 200,
				"http://127.0.0.1:" + this.port + "/callbacks/tencent", TencentCallbacks.TOKEN);
		// Every answer to a send is lost after Tencent stored the message.
		this.simulator.injectSendFaults(app.sdkAppId(), 5, 0, List.of(), 0, 0, 0, 1.0);

		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "answers lost"));
		await().atMost(DeliveryFixtures.TIMEOUT)
			.alias("callbacks to settle all 12")
			.until(() -> this.fixtures.count(run, DeliveryStatus.SENT) == 12);

		Map<String, Long> broadcasts = this.simulator.acceptedBroadcasts(app.sdkAppId());
		assertThat(broadcasts.values()).as("broadcasts per OA").hasSize(12).containsOnly(1L);
		assertThat(this.simulator.answeredCodes(app.sdkAppId(), SimulatorDirectory.SEND)).as("answers that arrived")
			.isEmpty();
		assertThat(this.jdbc.sql("select count(*) from delivery where run_id = ? and msg_key is not null")
			.param(run)
			.query(Long.class)
			.single()).isEqualTo(12);
		await().atMost(DeliveryFixtures.TIMEOUT)
			.alias("12 callbacks accepted")
			.until(() -> this.simulator.callbacks(app.sdkAppId()).accepted() >= 12);
		this.simulator.clearFaults(app.sdkAppId());
		this.fixtures.awaitFinished(run);
	}

	private static String afterSend(DeliveryFixtures.TestApp app, long deliveryId, String msgKey) {
		return """
				{"CallbackCommand":"OfficialAccount.CallbackAfterSendMsg","Official_Account":"%s","MsgKey":"%s",
				 "MsgTime":77,"CloudCustomData":%s}""".formatted(app.accounts().get(0), msgKey,
				JSON.writeValueAsString(CloudCustomData.wrap(deliveryId, "campaign-data")));
	}

	private double refused(String reason) {
		var counter = this.meters.find("herald.callbacks").tags("outcome", "refused", "reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
