package dev.herald.chatapp;

import java.util.concurrent.ThreadLocalRandom;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Chat apps end to end: the form, encryption at rest, and "test connection" over real
 * HTTP against the built-in simulator.
 */
@ApplicationTest
class ChatAppAdministrationTests {

	private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ChatApps apps;

	@Autowired
	private SimulatorDirectory simulator;

	@Test
	void secretKeyIsStoredEncryptedAndNeverShown() {
		long sdkAppId = newSdkAppId();
		assertThat(create("Encrypted " + sdkAppId, String.valueOf(sdkAppId), "SINGAPORE", KEY)).hasStatus(302);
		String stored = this.jdbc.sql("select secret_key_cipher from chat_app where sdk_app_id = ?")
			.param(sdkAppId)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain(KEY);
		long id = this.jdbc.sql("select id from chat_app where sdk_app_id = ?")
			.param(sdkAppId)
			.query(Long.class)
			.single();
		assertThat(this.mvc.get().uri("/admin/apps/{id}", id).with(user("root").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.doesNotContain(KEY);
		assertThat(this.mvc.get().uri("/admin/apps").with(user("root").roles("ADMIN"))).bodyText().doesNotContain(KEY);
		assertThat(this.apps.connection(id).secretKey()).isEqualTo(KEY);
		assertThat(this.apps.connection(id).toString()).doesNotContain(KEY);
	}

	@Test
	void sdkAppIdThatIsNotANumberGetsAMessageAndSavesNothing() {
		long before = count();
		assertThat(create("Bad id", "14000abc", "SINGAPORE", KEY)).hasStatusOk()
			.bodyText()
			.contains("Enter a whole number from 1 to 4,294,967,295.");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void missingKeyAndCustomUrlAreReportedNextToTheirFields() {
		assertThat(create("No key", String.valueOf(newSdkAppId()), "CUSTOM", "")).hasStatusOk()
			.model()
			.extractingBindingResult("form")
			.hasFieldErrors("secretKey", "customBaseUrl");
	}

	@Test
	void duplicateSdkAppIdIsRefused() {
		long sdkAppId = newSdkAppId();
		assertThat(create("First " + sdkAppId, String.valueOf(sdkAppId), "SEOUL", KEY)).hasStatus(302);
		assertThat(create("Second " + sdkAppId, String.valueOf(sdkAppId), "SEOUL", KEY)).hasStatusOk()
			.bodyText()
			.contains("Another Chat app has this SDKAppID.");
	}

	@Test
	void editingWithABlankKeyKeepsTheStoredKey() {
		long sdkAppId = newSdkAppId();
		ChatAppView app = this.apps
			.create(new ChatAppSettings("Keep " + sdkAppId, sdkAppId, Endpoint.TOKYO, null, "administrator", 200), KEY);
		assertThat(edit(app.id(), sdkAppId, 0).param("rateLimitPerSecond", "150")).hasStatus(302);
		assertThat(this.apps.get(app.id()).rateLimitPerSecond()).isEqualTo(150);
		assertThat(this.apps.connection(app.id()).secretKey()).isEqualTo(KEY);
	}

	@Test
	void theCallbackTokenIsWriteOnlyEncryptedKeptWhenBlankAndRemovable() {
		long sdkAppId = newSdkAppId();
		ChatAppView app = this.apps.create(
				new ChatAppSettings("Token " + sdkAppId, sdkAppId, Endpoint.TOKYO, null, "administrator", 200), KEY);
		assertThat(this.apps.get(app.id()).acceptsCallbacks()).isFalse();
		String token = "console-token-" + sdkAppId;
		assertThat(edit(app.id(), sdkAppId, 0).param("callbackToken", token).param("messageHistoryDays", "30"))
			.hasStatus(302);
		String stored = this.jdbc.sql("select callback_token_cipher from chat_app where id = ?")
			.param(app.id())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain(token);
		assertThat(this.apps.callbackTrust(sdkAppId).orElseThrow().token()).isEqualTo(token);
		assertThat(this.apps.callbackTrust(sdkAppId).orElseThrow().toString()).doesNotContain(token);
		assertThat(this.apps.get(app.id()).messageHistoryDays()).isEqualTo(30);
		assertThat(this.mvc.get().uri("/admin/apps/{id}", app.id()).with(user("root").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("id=\"callbacks-signed\"")
			.doesNotContain(token);

		assertThat(edit(app.id(), sdkAppId, 1).param("callbackToken", "")).hasStatus(302);
		assertThat(this.apps.callbackTrust(sdkAppId).orElseThrow().token()).isEqualTo(token);

		assertThat(edit(app.id(), sdkAppId, 2).param("removeCallbackToken", "true")
			.param("allowUnsignedCallbacks", "true")).hasStatus(302);
		assertThat(this.apps.callbackTrust(sdkAppId).orElseThrow().token()).isNull();
		assertThat(this.mvc.get().uri("/admin/apps/{id}", app.id()).with(user("root").roles("ADMIN"))).bodyText()
			.contains("id=\"callbacks-unsigned\"");
	}

	@Test
	void aHistoryPeriodTencentDoesNotOfferIsRefusedNextToTheField() {
		long sdkAppId = newSdkAppId();
		ChatAppView app = this.apps.create(
				new ChatAppSettings("Period " + sdkAppId, sdkAppId, Endpoint.TOKYO, null, "administrator", 200), KEY);
		assertThat(edit(app.id(), sdkAppId, 0).param("messageHistoryDays", "14")).hasStatusOk()
			.bodyText()
			.contains("Choose 7, 30 or 90 days.");
		assertThat(this.apps.get(app.id()).messageHistoryDays()).isEqualTo(7);
	}

	private MockMvcTester.MockMvcRequestBuilder edit(long id, long sdkAppId, long version) {
		return this.mvc.post()
			.uri("/admin/apps/{id}", id)
			.with(csrf())
			.with(user("root").roles("ADMIN"))
			.param("name", "Token " + sdkAppId)
			.param("sdkAppId", String.valueOf(sdkAppId))
			.param("endpoint", "TOKYO")
			.param("adminIdentifier", "administrator")
			.param("secretKey", "")
			.param("version", String.valueOf(version));
	}

	@Test
	void testConnectionSucceedsAgainstTheSimulatorWithTheRightKey() {
		long sdkAppId = newSdkAppId();
		ChatAppView app = this.apps.create(
				new ChatAppSettings("Sim " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200), KEY);
		this.simulator.registerApp(sdkAppId, "administrator", KEY, 200);
		assertThat(test(app.id())).hasStatus(302).flash().containsEntry("success", "chatapp.test.ok");
	}

	@Test
	void testConnectionExplainsAWrongKeyInWords() {
		long sdkAppId = newSdkAppId();
		ChatAppView app = this.apps.create(
				new ChatAppSettings("Wrong " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200),
				"not-the-key-the-simulator-knows");
		this.simulator.registerApp(sdkAppId, "administrator", KEY, 200);
		MvcTestResult result = test(app.id());
		assertThat(result).flash().containsEntry("failure", "chatapp.test.refused");
		assertThat(result.getMvcResult().getFlashMap().get("failureArg").toString()).contains("70009");
	}

	@Test
	void testConnectionReportsAnUnreachableApi() {
		long sdkAppId = newSdkAppId();
		ChatAppView app = this.apps.create(new ChatAppSettings("Down " + sdkAppId, sdkAppId, Endpoint.CUSTOM,
				"http://127.0.0.1:9", "administrator", 200), KEY);
		MvcTestResult result = test(app.id());
		assertThat(result).flash().containsEntry("failure", "chatapp.test.unreachable");
		// What happened in words, not the HTTP client's reason ("connect failed").
		assertThat(result.getMvcResult().getFlashMap().get("failureArg"))
			.isEqualTo("Down " + sdkAppId + ": Tencent could not be reached; nothing was sent.");
	}

	private MvcTestResult test(long id) {
		return this.mvc.perform(MockMvcRequestBuilders.post("/admin/apps/{id}/test", id)
			.with(csrf())
			.with(user("root").roles("ADMIN")));
	}

	private MvcTestResult create(String name, String sdkAppId, String endpoint, String key) {
		return this.mvc.perform(MockMvcRequestBuilders.post("/admin/apps")
			.with(csrf())
			.with(user("root").roles("ADMIN"))
			.param("name", name)
			.param("sdkAppId", sdkAppId)
			.param("endpoint", endpoint)
			.param("customBaseUrl", "")
			.param("adminIdentifier", "administrator")
			.param("secretKey", key)
			.param("rateLimitPerSecond", "200"));
	}

	private long count() {
		return this.jdbc.sql("select count(*) from chat_app").query(Long.class).single();
	}

	private static long newSdkAppId() {
		return ThreadLocalRandom.current().nextLong(1_400_000_000L, 1_499_999_999L);
	}

}
