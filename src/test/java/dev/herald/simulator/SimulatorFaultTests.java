package dev.herald.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static dev.herald.simulator.SimulatorHarness.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorFaultTests {

	private static final String INFO_BODY = "{\"OfficialAccountIdList\":[{\"Official_Account\":\"" + ALPHA + "\"}]}";

	private final SimulatorHarness sim = new SimulatorHarness();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void seededFaultsRepeatExactly() {
		String faults = """
				{"seed":42,"errorProbability":0.3,"errorCodes":[10002,60008],"badGatewayProbability":0.2}""";
		assertThat(this.sim.admin("PUT", "/apps/1400000000/faults", faults).status()).isEqualTo(200);
		List<String> first = outcomes(40);
		this.sim.admin("POST", "/reset", "");
		this.sim.admin("PUT", "/apps/1400000000/faults", faults);
		List<String> second = outcomes(40);

		assertThat(second).isEqualTo(first);
		assertThat(first).contains("200/0", "200/10002", "200/60008", "502");
		JsonNode counts = this.sim.commandCounts(OfficialAccountSimulator.INFO);
		assertThat(counts.path("calls").asLong()).isEqualTo(40);
		assertThat(counts.path("badGateway").asLong()).isEqualTo(first.stream().filter("502"::equals).count());
		assertThat(counts.at("/errorCodes/10002").asLong())
			.isEqualTo(first.stream().filter("200/10002"::equals).count());
	}

	@Test
	void faultsApplyOnlyToTheChosenCommands() {
		this.sim.admin("PUT", "/apps/1400000000/faults",
				"{\"errorProbability\":1,\"errorCodes\":[10002],\"commands\":[\"send_official_account_msg\"]}");
		assertThat(this.sim.call(OfficialAccountSimulator.INFO, INFO_BODY).errorCode()).isZero();
		assertThat(this.sim.send(ALPHA, 1, "x", "").errorCode()).isEqualTo(10002);
		assertThat(this.sim.broadcasts(ALPHA)).isZero();
		this.sim.admin("DELETE", "/apps/1400000000/faults", "");
		assertThat(this.sim.send(ALPHA, 1, "x", "").errorCode()).isZero();
	}

	@Test
	void scriptedFaultsHitTheNamedAccountTheGivenNumberOfTimes() {
		this.sim.admin("POST", "/apps/1400000000/faults/next",
				"{\"officialAccount\":\"" + ALPHA + "\",\"count\":2,\"errorCode\":10002}");

		assertThat(this.sim.send(BETA, 1, "x", "").errorCode()).isZero();
		assertThat(this.sim.send(ALPHA, 1, "x", "").errorCode()).isEqualTo(10002);
		this.sim.clock.advance(Duration.ofSeconds(1));
		assertThat(this.sim.send(ALPHA, 1, "x", "").errorCode()).isEqualTo(10002);
		this.sim.clock.advance(Duration.ofSeconds(1));
		assertThat(this.sim.send(ALPHA, 1, "x", "").errorCode()).isZero();
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
	}

	@Test
	void badGatewayAnswers502WithoutStoring() {
		this.sim.admin("POST", "/apps/1400000000/faults/next", "{\"kind\":\"BAD_GATEWAY\"}");
		SimulatorHarness.Reply reply = this.sim.send(ALPHA, 1, "x", "");
		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.body()).isEmpty();
		assertThat(this.sim.broadcasts(ALPHA)).isZero();
		assertThat(this.sim.commandCounts(OfficialAccountSimulator.SEND).path("badGateway").asLong()).isEqualTo(1);
	}

	@Test
	void aLostResponseStillCountsTheBroadcastAndTheRetryIsAbsorbed() {
		this.sim.admin("POST", "/apps/1400000000/faults/next",
				"{\"officialAccount\":\"" + ALPHA + "\",\"kind\":\"RESPONSE_LOST\"}");

		assertThatThrownBy(() -> this.sim.send(ALPHA, 99, "flash sale", "delivery-9"))
			.isInstanceOf(SimulatorHarness.UncheckedLost.class);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);

		// The identical retry inside 5 minutes is dropped as a duplicate and names the
		// original.
		this.sim.clock.advance(Duration.ofSeconds(30));
		JsonNode retry = this.sim.send(ALPHA, 99, "flash sale", "delivery-9").json();
		assertThat(retry.path("ErrorCode").asInt()).isZero();
		JsonNode history = this.sim
			.call(OfficialAccountSimulator.GET_SIMPLE, "{\"Official_Account\":\"" + ALPHA + "\"}")
			.json();
		assertThat(history.at("/RspMsgList/0/MsgKey").asString()).isEqualTo(retry.path("MsgKey").asString());
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
		assertThat(this.sim.commandCounts(OfficialAccountSimulator.SEND).path("responsesLost").asLong()).isEqualTo(1);
	}

	@Test
	void aSlowAnswerOutlastsTheClientTimeoutButTheSendWentThrough() throws Exception {
		this.sim.admin("POST", "/apps/1400000000/faults/next", "{\"kind\":\"DELAY\",\"delayMillis\":400}");
		String query = String.join("&",
				this.sim.signedQuery().entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList());
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.sim.baseUrl() + "/v4/official_account_open_http_svc/"
					+ OfficialAccountSimulator.SEND + "?" + query))
			.POST(HttpRequest.BodyPublishers.ofString(SimulatorHarness.sendBody(ALPHA, 5, "slow", "d")))
			.timeout(Duration.ofMillis(100))
			.build();
		HttpClient client = this.sim.http();

		assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(HttpTimeoutException.class);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
	}

	@Test
	void aRandomLostResponseAlsoStoresTheMessage() {
		this.sim.admin("PUT", "/apps/1400000000/faults", "{\"seed\":7,\"lostProbability\":1}");
		assertThatThrownBy(() -> this.sim.send(ALPHA, 1, "x", "")).isInstanceOf(SimulatorHarness.UncheckedLost.class);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
	}

	@Test
	void countsCallsAndEveryReturnedCode() {
		this.sim.send(ALPHA, 1, "one", "");
		this.sim.send(ALPHA, 2, "two", "");
		this.sim.send("@TOA#_nobody", 3, "three", "");
		JsonNode send = this.sim.commandCounts(OfficialAccountSimulator.SEND);
		assertThat(send.path("calls").asLong()).isEqualTo(3);
		assertThat(send.at("/errorCodes/0").asLong()).isEqualTo(1);
		assertThat(send.at("/errorCodes/10023").asLong()).isEqualTo(1);
		assertThat(send.at("/errorCodes/10010").asLong()).isEqualTo(1);
		assertThat(send.at("/errorCodes/60007").isMissingNode()).isTrue();
	}

	private List<String> outcomes(int calls) {
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			SimulatorHarness.Reply reply = this.sim.call(OfficialAccountSimulator.INFO, INFO_BODY);
			outcomes.add((reply.status() == 502) ? "502" : reply.status() + "/" + reply.errorCode());
		}
		return outcomes;
	}

}
