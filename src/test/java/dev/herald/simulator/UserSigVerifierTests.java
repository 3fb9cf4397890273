package dev.herald.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UserSigVerifierTests {

	private static final long APP = 1_400_000_000L;

	private static final String KEY = SimulatorHarness.KEY;

	private final UserSigVerifier verifier = new UserSigVerifier(JsonMapper.builder().build());

	@Test
	void hmacMatchesTheCrossCheckedVectors() {
		assertThat(sig("administrator", 1_700_000_000L, 86_400))
			.isEqualTo("yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
		assertThat(sig("xiaojun", 1_700_000_000L, 15_552_000))
			.isEqualTo("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=");
	}

	@Test
	void acceptsAFreshSig() {
		String userSig = TestUserSig.generate(APP, "administrator", KEY, 1_700_000_000L, 86_400);
		assertThat(this.verifier.verify(userSig, APP, "administrator", KEY, 1_700_000_100L)).isZero();
	}

	@Test
	void acceptsTheLastSecondAndRejectsTheNext() {
		String userSig = TestUserSig.generate(APP, "administrator", KEY, 1_700_000_000L, 86_400);
		assertThat(this.verifier.verify(userSig, APP, "administrator", KEY, 1_700_086_400L)).isZero();
		assertThat(this.verifier.verify(userSig, APP, "administrator", KEY, 1_700_086_401L)).isEqualTo(70001);
	}

	@Test
	void rejectsAnotherKey() {
		String userSig = TestUserSig.generate(APP, "administrator", "another-key", 1_700_000_000L, 86_400);
		assertThat(this.verifier.verify(userSig, APP, "administrator", KEY, 1_700_000_100L)).isEqualTo(70009);
	}

	@Test
	void rejectsAnotherIdentifierOrApp() {
		String userSig = TestUserSig.generate(APP, "someone", KEY, 1_700_000_000L, 86_400);
		assertThat(this.verifier.verify(userSig, APP, "administrator", KEY, 1_700_000_100L)).isEqualTo(70013);
		String otherApp = TestUserSig.generate(APP + 1, "administrator", KEY, 1_700_000_000L, 86_400);
		assertThat(this.verifier.verify(otherApp, APP, "administrator", KEY, 1_700_000_100L)).isEqualTo(70014);
	}

	@Test
	void rejectsGarbageAsUnparsable() {
		assertThat(this.verifier.verify("not*a*sig", APP, "administrator", KEY, 0)).isEqualTo(70003);
		String notZlib = TestUserSig.urlSafe("{\"TLS.ver\":\"2.0\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.verifier.verify(notZlib, APP, "administrator", KEY, 0)).isEqualTo(70003);
		String missingFields = TestUserSig
			.urlSafe(TestUserSig.deflate("{\"TLS.ver\":\"2.0\"}".getBytes(StandardCharsets.UTF_8)));
		assertThat(this.verifier.verify(missingFields, APP, "administrator", KEY, 0)).isEqualTo(70003);
	}

	private static String sig(String identifier, long time, long expire) {
		String content = "TLS.identifier:" + identifier + "\nTLS.sdkappid:" + APP + "\nTLS.time:" + time
				+ "\nTLS.expire:" + expire + "\n";
		return Base64.getEncoder().encodeToString(UserSigVerifier.hmacSha256(KEY, content));
	}

}
