package dev.herald.simulator;

import java.time.Clock;
import java.time.Instant;

import dev.herald.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door inside Herald, with no database: the same core and admin API under
 * {@code /sim}. Security filters are off here; Herald's security configuration must
 * permit {@code /sim/**} (and skip CSRF for it) when the simulator is enabled.
 */
@WebMvcTest(controllers = SimulatorController.class,
		properties = { "herald.simulator.enabled=true", "herald.simulator.apps[0].sdk-app-id=1400000000",
				"herald.simulator.apps[0].admin-identifier=administrator",
				"herald.simulator.apps[0].secret-key=" + SimulatorHarness.KEY,
				"herald.simulator.apps[0].accounts[0].official-account=@TOA#_demo",
				"herald.simulator.apps[0].accounts[0].name=Demo" })
@AutoConfigureMockMvc(addFilters = false)
@Import({ SimulatorConfiguration.class, SimulatorControllerTests.FixedClock.class })
class SimulatorControllerTests {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void sendsThroughHeraldsOwnFrontDoor() {
		String sig = TestUserSig.generate(1400000000L, "administrator", SimulatorHarness.KEY, NOW.getEpochSecond(),
				600);
		assertThat(this.mvc.post()
			.uri("/sim/v4/official_account_open_http_svc/send_official_account_msg?sdkappid=1400000000"
					+ "&identifier=administrator&usersig={sig}&random=1&contenttype=json", sig)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SimulatorHarness.sendBody("@TOA#_demo", 1, "hi", "d-1"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.MsgTime")
			.isEqualTo((int) NOW.getEpochSecond());
		assertThat(this.mvc.get().uri("/sim/admin/counts")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.apps.1400000000.accounts.@TOA#_demo.broadcasts")
			.isEqualTo(1);
	}

	@Test
	void servesTheAdminApiWithoutSecrets() {
		assertThat(this.mvc.get().uri("/sim/admin/apps")).hasStatusOk()
			.bodyText()
			.contains("administrator")
			.doesNotContain(SimulatorHarness.KEY);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SimulatorProperties.class)
	static class FixedClock {

		@Bean
		Clock clock() {
			return new MutableClock(NOW);
		}

	}

}
