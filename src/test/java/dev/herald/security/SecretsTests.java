package dev.herald.security;

import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A Chat app's secret key and the UserSigs made from it never reach a log line or a page,
 * whether calls succeed or fail.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests {

	private static final String KEY = "9e1f" + "7c3a".repeat(15);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private LoggingSystem logging;

	@Test
	void secretKeyAndUserSigStayOutOfLogsAndPages(CapturedOutput output) {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_800_000_000L, 1_899_999_999L);
		ChatAppView good = this.chatApps.create(
				new ChatAppSettings("Secret " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200),
				KEY);
		ChatAppView down = this.chatApps.create(new ChatAppSettings("Secret down " + sdkAppId, sdkAppId + 1,
				Endpoint.CUSTOM, "http://127.0.0.1:9", "administrator", 200), KEY);
		for (long id : new long[] { good.id(), down.id() }) {
			this.mvc.post().uri("/admin/apps/{id}/test", id).with(user("root").roles("ADMIN")).with(csrf()).exchange();
			assertThat(this.mvc.get().uri("/admin/apps/{id}", id).with(user("root").roles("ADMIN"))).bodyText()
				.doesNotContain(KEY);
		}
		assertThat(this.mvc.get().uri("/admin/apps").with(user("root").roles("ADMIN"))).bodyText().doesNotContain(KEY);
		assertThat(output.getAll()).doesNotContain(KEY).doesNotContainPattern("usersig=(?!\\*\\*\\*)[A-Za-z0-9*_-]");
	}

	@Test
	void evenWithEverythingAtDebugTheUserSigStaysOutOfTheLog(CapturedOutput output) {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_800_000_000L, 1_899_999_999L);
		ChatAppView app = this.chatApps.create(
				new ChatAppSettings("Debug " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200),
				KEY);
		LogLevel before = this.logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
		this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
		try {
			this.mvc.post()
				.uri("/admin/apps/{id}/test", app.id())
				.with(user("root").roles("ADMIN"))
				.with(csrf())
				.exchange();
		}
		finally {
			this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, before);
		}
		assertThat(output.getAll()).contains("get_official_account_info")
			.doesNotContainPattern("usersig=(?!\\*\\*\\*)[A-Za-z0-9*_-]");
	}

	@Test
	void secretKeyStaysOutOfTheAuditLogAndExports() {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_800_000_000L, 1_899_999_999L);
		String key = "5ec7" + "b2d9".repeat(15);
		assertThat(this.mvc.post()
			.uri("/admin/apps")
			.with(user("root").roles("ADMIN"))
			.with(csrf())
			.param("name", "Exported secret " + sdkAppId)
			.param("sdkAppId", String.valueOf(sdkAppId))
			.param("endpoint", "SIMULATOR")
			.param("customBaseUrl", "")
			.param("adminIdentifier", "administrator")
			.param("secretKey", key)
			.param("rateLimitPerSecond", "200")).hasStatus3xxRedirection();
		ChatAppView app = this.chatApps.all()
			.stream()
			.filter((candidate) -> candidate.sdkAppId() == sdkAppId)
			.findFirst()
			.orElseThrow();
		assertThat(this.mvc.post()
			.uri("/admin/apps/{id}", app.id())
			.with(user("root").roles("ADMIN"))
			.with(csrf())
			.param("name", "Exported secret renamed " + sdkAppId)
			.param("sdkAppId", String.valueOf(sdkAppId))
			.param("endpoint", "SIMULATOR")
			.param("customBaseUrl", "")
			.param("adminIdentifier", "administrator")
			.param("secretKey", key.replace('5', '6'))
			.param("rateLimitPerSecond", "200")
			.param("version", "0")).as("the key is replaced").hasStatus3xxRedirection();
		// The XLSX export is compressed, so only the text formats can be searched.
		for (String uri : new String[] { "/audit", "/audit/export?format=csv",
				"/reports/deliveries/export?format=csv&app=" + app.id() }) {
			assertThat(this.mvc.get().uri(uri).with(user("auditor").roles("ANALYST", "ADMIN"))).as(uri)
				.hasStatusOk()
				.bodyText()
				.contains(uri.startsWith("/audit") ? "Exported secret" : "")
				.doesNotContain(key)
				.doesNotContain(key.replace('5', '6'));
		}
	}

}
