package dev.herald.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.herald.simulator.SimulatorHarness.ADMIN;
import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static dev.herald.simulator.SimulatorHarness.APP_ID;
import static dev.herald.simulator.SimulatorHarness.KEY;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatorAuthenticationTests {

	private final SimulatorHarness sim = new SimulatorHarness();

	private final String body = SimulatorHarness.sendBody(ALPHA, 1, "hi", "");

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void rejectsAnExpiredSigWith70001() {
		long issued = this.sim.clock.millis() / 1000;
		Map<String, String> query = this.sim.signedQuery();
		query.put("usersig", TestUserSig.generate(APP_ID, ADMIN, KEY, issued, 60));
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isZero();
		this.sim.clock.advance(Duration.ofSeconds(61));
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isEqualTo(70001);
	}

	@Test
	void rejectsASigMadeWithAnotherKeyWith70009() {
		Map<String, String> query = this.sim.signedQuery();
		query.put("usersig", TestUserSig.generate(APP_ID, ADMIN, "wrong", this.sim.clock.millis() / 1000, 600));
		SimulatorHarness.Reply reply = this.sim.call(OfficialAccountSimulator.SEND, query, this.body);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("ActionStatus").asString()).isEqualTo("FAIL");
		assertThat(reply.errorCode()).isEqualTo(70009);
		assertThat(this.sim.broadcasts(ALPHA)).isZero();
	}

	@Test
	void rejectsMismatchedAndUnparsableSigs() {
		long now = this.sim.clock.millis() / 1000;
		Map<String, String> query = this.sim.signedQuery();
		query.put("usersig", TestUserSig.generate(APP_ID, "bob", KEY, now, 600));
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isEqualTo(70013);
		query.put("usersig", TestUserSig.generate(APP_ID + 1, ADMIN, KEY, now, 600));
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isEqualTo(70014);
		query.put("usersig", "garbage");
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isEqualTo(70003);
		query.remove("usersig");
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isEqualTo(70003);
	}

	@Test
	void acceptsOnlyTheAppAdmin() {
		Map<String, String> query = this.sim.signedQuery();
		query.put("identifier", "bob");
		query.put("usersig", TestUserSig.generate(APP_ID, "bob", KEY, this.sim.clock.millis() / 1000, 600));
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isEqualTo(60010);
	}

	@Test
	void rejectsAnUnknownAppAndCommand() {
		Map<String, String> query = this.sim.signedQuery();
		query.put("sdkappid", "1400000999");
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, query, this.body).errorCode()).isEqualTo(70020);
		assertThat(this.sim.call("destroy_everything", this.body).errorCode()).isEqualTo(60009);
		assertThat(this.sim.counts().path("unknownAppCalls").asLong()).isEqualTo(1);
	}

	@Test
	void servesTheSamePathUnderSimAsInsideHerald() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.sim.baseUrl() + "/sim/v4/official_account_open_http_svc/"
					+ OfficialAccountSimulator.SEND + "?sdkappid=" + APP_ID + "&identifier=" + ADMIN + "&usersig="
					+ TestUserSig.generate(APP_ID, ADMIN, KEY, this.sim.clock.millis() / 1000, 600)
					+ "&random=1&contenttype=json"))
			.POST(HttpRequest.BodyPublishers.ofString(this.body))
			.build();
		assertThat(this.sim.exchange(request).errorCode()).isZero();
	}

}
