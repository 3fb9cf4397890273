package dev.herald.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.tencentyun.TLSSigAPIv2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static dev.herald.simulator.SimulatorHarness.ADMIN;
import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static dev.herald.simulator.SimulatorHarness.APP_ID;
import static dev.herald.simulator.SimulatorHarness.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator accepts what Tencent's published {@code tls-sig-api-v2} library signs, so
 * it is not merely agreeing with Herald's own signer.
 */
class OfficialLibrarySigTests {

	private final SimulatorHarness sim = new SimulatorHarness();

	private final UserSigVerifier verifier = new UserSigVerifier(JsonMapper.builder().build());

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void verifierAcceptsTheLibrarysSigUntilItExpires() {
		String sig = new TLSSigAPIv2(APP_ID, KEY).genUserSig(ADMIN, 600);
		long issued = TestUserSig.time(sig);

		assertThat(this.verifier.verify(sig, APP_ID, ADMIN, KEY, issued)).isEqualTo(UserSigVerifier.OK);
		assertThat(this.verifier.verify(sig, APP_ID, ADMIN, KEY, issued + 600)).isEqualTo(UserSigVerifier.OK);
		assertThat(this.verifier.verify(sig, APP_ID, ADMIN, KEY, issued + 601)).isEqualTo(UserSigVerifier.EXPIRED);
		assertThat(this.verifier.verify(sig, APP_ID, ADMIN, KEY.toUpperCase(), issued))
			.isEqualTo(UserSigVerifier.SIGNATURE_MISMATCH);
		assertThat(this.verifier.verify(sig, APP_ID, "someone", KEY, issued))
			.isEqualTo(UserSigVerifier.IDENTIFIER_MISMATCH);
	}

	@Test
	void simulatorSendsWithTheLibrarysSigOverHttp() {
		String sig = new TLSSigAPIv2(APP_ID, KEY).genUserSig(ADMIN, 600);
		// The library stamps the wall clock; bring the simulator's clock to that second.
		this.sim.clock
			.advance(Duration.between(this.sim.clock.instant(), Instant.ofEpochSecond(TestUserSig.time(sig))));
		Map<String, String> query = this.sim.signedQuery();
		query.put("usersig", sig);
		String body = SimulatorHarness.sendBody(ALPHA, 1, "hi", "");

		SimulatorHarness.Reply reply = this.sim.call(OfficialAccountSimulator.SEND, query, body);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.errorCode()).isZero();
		assertThat(reply.json().path("ActionStatus").asString()).isEqualTo("OK");
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
	}

	@Test
	void simulatorRefusesTheLibrarysSigForAnotherKeyOverHttp() {
		String sig = new TLSSigAPIv2(APP_ID, "not-the-app-key").genUserSig(ADMIN, 600);
		this.sim.clock
			.advance(Duration.between(this.sim.clock.instant(), Instant.ofEpochSecond(TestUserSig.time(sig))));
		Map<String, String> query = this.sim.signedQuery();
		query.put("usersig", sig);

		SimulatorHarness.Reply reply = this.sim.call(OfficialAccountSimulator.SEND, query,
				SimulatorHarness.sendBody(ALPHA, 1, "hi", ""));

		assertThat(reply.errorCode()).isEqualTo(UserSigVerifier.SIGNATURE_MISMATCH);
		assertThat(this.sim.broadcasts(ALPHA)).isZero();
	}

}
