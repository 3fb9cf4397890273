package dev.herald.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatorAdminTests {

	private static final String SECRET = "a-very-secret-key-0123456789";

	private final SimulatorHarness sim = new SimulatorHarness();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void registersAnAppAndAccountThatCanThenSend() {
		SimulatorHarness.Reply created = this.sim.admin("POST", "/apps", """
				{"sdkAppId":1400000777,"adminIdentifier":"ops","secretKey":"%s","rateLimitPerSecond":50,
				 "duplicateAnswer":"ERROR","duplicateErrorCode":10002}""".formatted(SECRET));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("rateLimitPerSecond").asInt()).isEqualTo(50);
		assertThat(this.sim
			.admin("POST", "/apps/1400000777/accounts",
					"{\"officialAccount\":\"@TOA#_news\",\"name\":\"News\",\"subscriberNum\":9}")
			.status()).isEqualTo(201);

		Map<String, String> query = this.sim.signedQuery();
		query.put("sdkappid", "1400000777");
		query.put("identifier", "ops");
		query.put("usersig", TestUserSig.generate(1400000777L, "ops", SECRET, this.sim.clock.millis() / 1000, 600));
		assertThat(this.sim
			.call(OfficialAccountSimulator.SEND, query, SimulatorHarness.sendBody("@TOA#_news", 1, "hi", ""))
			.errorCode()).isZero();
		assertThat(this.sim.counts().at("/apps/1400000777/accounts/@TOA#_news/broadcasts").asLong()).isEqualTo(1);
	}

	@Test
	void neverShowsTheSecretKey() {
		this.sim.admin("POST", "/apps",
				"{\"sdkAppId\":1400000777,\"adminIdentifier\":\"ops\",\"secretKey\":\"" + SECRET + "\"}");
		assertThat(this.sim.admin("GET", "/apps", "").body()).doesNotContain(SECRET)
			.doesNotContain(SimulatorHarness.KEY)
			.doesNotContain("secretKey");
		assertThat(this.sim.admin("GET", "/apps/1400000777", "").body()).doesNotContain(SECRET);
		assertThat(AppSpec.of(1, "ops", SECRET).toString()).doesNotContain(SECRET);
	}

	@Test
	void updatingAnAppKeepsItsState() {
		this.sim.send(ALPHA, 1, "x", "");
		this.sim.admin("POST", "/apps",
				"{\"sdkAppId\":1400000000,\"adminIdentifier\":\"administrator\",\"secretKey\":\"" + SimulatorHarness.KEY
						+ "\",\"rateLimitPerSecond\":10}");
		JsonNode app = this.sim.admin("GET", "/apps/1400000000", "").json();
		assertThat(app.path("rateLimitPerSecond").asInt()).isEqualTo(10);
		assertThat(app.path("accounts").size()).isEqualTo(2);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
	}

	@Test
	void rejectsBadInputAndUnknownResources() {
		assertThat(this.sim.admin("POST", "/apps", "{\"sdkAppId\":0}").status()).isEqualTo(400);
		assertThat(this.sim.admin("POST", "/apps", "{oops").status()).isEqualTo(400);
		assertThat(this.sim.admin("PUT", "/apps/1400000000/faults", "{\"badGatewayProbability\":2}").status())
			.isEqualTo(400);
		assertThat(this.sim.admin("POST", "/apps/1400000000/accounts", "{\"officialAccount\":\"plain\"}").status())
			.isEqualTo(400);
		assertThat(this.sim.admin("GET", "/apps/42", "").status()).isEqualTo(404);
		assertThat(this.sim.admin("GET", "/nothing", "").status()).isEqualTo(404);
	}

	@Test
	void resetForgetsHistoryAndCountersButKeepsApps() {
		this.sim.send(ALPHA, 1, "x", "");
		assertThat(this.sim.admin("POST", "/reset", "").status()).isEqualTo(200);
		assertThat(this.sim.broadcasts(ALPHA)).isZero();
		assertThat(this.sim.commandCounts(OfficialAccountSimulator.SEND).isMissingNode()).isTrue();
		// The per-OA windows are gone too: the same OA may send at once.
		assertThat(this.sim.send(ALPHA, 2, "y", "").errorCode()).isZero();
	}

	@Test
	void setsAndShowsTheHistoryShape() {
		this.sim.send(ALPHA, 1, "x", "delivery-1");
		SimulatorHarness.Reply put = this.sim.admin("PUT", "/apps/1400000000/history", """
				{"cloudCustomData":"OMITTED","pageLimit":3,"cutAfter":10,"expiresAfterSeconds":604800,
				 "placeholderProbability":0.25,"seed":42}""");
		assertThat(put.status()).isEqualTo(200);

		JsonNode shape = this.sim.admin("GET", "/apps/1400000000/history", "").json();
		assertThat(this.sim.json.treeToValue(shape, HistoryShape.class))
			.isEqualTo(HistoryShape.FULL.withoutCloudCustomData()
				.pagesOf(3)
				.cutAfter(10)
				.expiringAfter(Duration.ofDays(7))
				.placeholders(0.25, 42));
		JsonNode history = this.sim
			.call(OfficialAccountSimulator.GET_SIMPLE, "{\"Official_Account\":\"" + ALPHA + "\"}")
			.json();
		assertThat(history.at("/RspMsgList/0").has("CloudCustomData")).isFalse();

		// An empty shape is a full history; nonsense is refused.
		assertThat(historyShape(this.sim.admin("PUT", "/apps/1400000000/history", "{}"))).isEqualTo(HistoryShape.FULL);
		assertThat(this.sim.admin("PUT", "/apps/1400000000/history", "{\"pageLimit\":-1}").status()).isEqualTo(400);
		assertThat(this.sim.admin("PUT", "/apps/1400000000/history", "{\"cloudCustomData\":\"SOMETIMES\"}").status())
			.isEqualTo(400);
		assertThat(this.sim.admin("GET", "/apps/42/history", "").status()).isEqualTo(404);
	}

	@Test
	void setsAndShowsTheDuplicateAnswer() {
		SimulatorHarness.Reply put = this.sim.admin("PUT", "/apps/1400000000/duplicates",
				"{\"duplicateAnswer\":\"OK_NEW_KEY\"}");
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().path("duplicateAnswer").asString()).isEqualTo("OK_NEW_KEY");
		String original = this.sim.send(ALPHA, 1, "x", "").json().path("MsgKey").asString();
		assertThat(this.sim.send(ALPHA, 1, "x", "").json().path("MsgKey").asString()).isNotEqualTo(original);

		this.sim.admin("PUT", "/apps/1400000000/duplicates",
				"{\"duplicateAnswer\":\"ERROR\",\"duplicateErrorCode\":10002}");
		JsonNode shown = this.sim.admin("GET", "/apps/1400000000/duplicates", "").json();
		assertThat(shown.path("duplicateAnswer").asString()).isEqualTo("ERROR");
		assertThat(shown.path("duplicateErrorCode").asInt()).isEqualTo(10002);
		assertThat(this.sim.admin("GET", "/apps/1400000000", "").json().path("duplicateAnswer").asString())
			.isEqualTo("ERROR");
		assertThat(this.sim.send(ALPHA, 1, "x", "").errorCode()).isEqualTo(10002);

		assertThat(this.sim.admin("PUT", "/apps/1400000000/duplicates", "{\"duplicateAnswer\":\"ERROR\"}").status())
			.isEqualTo(400);
		assertThat(this.sim.admin("PUT", "/apps/1400000000/duplicates", "{}").json().path("duplicateAnswer").asString())
			.isEqualTo("OK_ORIGINAL");
	}

	@Test
	void resetReturnsTheHistoryShapeToFull() {
		this.sim.admin("PUT", "/apps/1400000000/history", "{\"cloudCustomData\":\"EMPTY\",\"cutAfter\":2}");
		this.sim.admin("POST", "/reset", "");
		assertThat(historyShape(this.sim.admin("GET", "/apps/1400000000/history", ""))).isEqualTo(HistoryShape.FULL);
	}

	@Test
	void bindsAppsFromProperties() {
		Map<String, String> source = Map.of("herald.simulator.enabled", "true", "herald.simulator.apps[0].sdk-app-id",
				"1400000001", "herald.simulator.apps[0].admin-identifier", "administrator",
				"herald.simulator.apps[0].secret-key", SECRET, "herald.simulator.apps[0].accounts[0].official-account",
				"@TOA#_demo", "herald.simulator.apps[0].accounts[0].name", "Demo",
				"herald.simulator.apps[0].accounts[0].subscriber-num", "100");
		SimulatorProperties properties = new Binder(new MapConfigurationPropertySource(source))
			.bind("herald.simulator", SimulatorProperties.class)
			.get();

		assertThat(properties.enabled()).isTrue();
		AppSpec app = properties.apps().get(0);
		assertThat(app.sdkAppId()).isEqualTo(1400000001L);
		assertThat(app.rateLimitPerSecond()).isEqualTo(200);
		assertThat(app.duplicateAnswer()).isEqualTo(DuplicateAnswer.OK_ORIGINAL);
		assertThat(app.accounts()).containsExactly(new AccountSpec("@TOA#_demo", "Demo", 100));
		assertThat(new OfficialAccountSimulator(Clock.systemUTC(), properties.apps()).apps())
			.extracting(AppSpec::sdkAppId)
			.isEqualTo(List.of(1400000001L));
	}

	private HistoryShape historyShape(SimulatorHarness.Reply reply) {
		assertThat(reply.status()).isEqualTo(200);
		return this.sim.json.readValue(reply.body(), HistoryShape.class);
	}

}
