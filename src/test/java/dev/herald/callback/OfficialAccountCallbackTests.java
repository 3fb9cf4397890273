package dev.herald.callback;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.AudienceSource;
import dev.herald.officialaccount.Audiences;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.ApplicationTest;
import dev.herald.support.TencentCallbacks;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Official Account callbacks beyond sends and recalls, each signed like Tencent's:
 * destroyed accounts, subscribers, rate warnings, and commands Herald does not use.
 */
@ApplicationTest
class OfficialAccountCallbackTests {

	private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private Audiences audiences;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@LocalServerPort
	private int port;

	private TencentCallbacks tencent;

	private ChatAppView app;

	private OfficialAccountView news;

	private OfficialAccountView shop;

	@BeforeEach
	void app() {
		this.tencent = new TencentCallbacks(this.port);
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_400_000_000L);
		this.app = this.chatApps.create(
				new ChatAppSettings("Callbacks " + sdkAppId, sdkAppId, Endpoint.TOKYO, null, "administrator", 200), KEY,
				TencentCallbacks.TOKEN);
		this.news = this.accounts.add(this.app.id(), "@TOA#_cb_news_" + sdkAppId, "News", 100, false);
		this.shop = this.accounts.add(this.app.id(), "@TOA#_cb_shop_" + sdkAppId, "Shop", 5, false);
	}

	@Test
	void aDestroyedAccountIsArchivedAndNewRunsSkipIt() {
		assertThat(this.audiences.members(this.app.id(), List.of(AudienceSource.wholeApp())))
			.contains(this.news.accountId());
		HttpResponse<String> answer = signed("OfficialAccount.CallbackAfterOfficialAccountDestroyed", """
				{"CallbackCommand":"OfficialAccount.CallbackAfterOfficialAccountDestroyed","Official_Account":"%s",
				 "Owner_Account":"administrator","Name":"News","EventTime":1700000000000}"""
			.formatted(this.news.accountId()));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(this.accounts.find(this.news.id()).orElseThrow().archived()).isTrue();
		assertThat(this.audiences.members(this.app.id(), List.of(AudienceSource.wholeApp())))
			.containsExactly(this.shop.accountId());
		assertThat(this.jdbc.sql("select actor from audit_event where action = 'account.destroyed' and object_id = ?")
			.param(String.valueOf(this.news.id()))
			.query(String.class)
			.single()).isEqualTo("system");
	}

	@Test
	void subscriberCallbacksKeepTheCountCurrent() {
		assertThat(signed("OfficialAccount.CallbackAfterAddSubscriber", """
				{"Official_Account":"%s","Operator_Account":"u1","SubscribeAccountList":[
				 {"Subscriber_Account":"u1"},{"Subscriber_Account":"u2"},{"Subscriber_Account":"u3"}]}"""
			.formatted(this.shop.accountId())).statusCode()).isEqualTo(200);
		assertThat(subscribers(this.shop)).isEqualTo(8);
		assertThat(signed("OfficialAccount.CallbackAfterDeleteSubscriber", """
				{"Official_Account":"%s","SubscribeAccountList":[{"Subscriber_Account":"u2"}]}"""
			.formatted(this.shop.accountId())).statusCode()).isEqualTo(200);
		assertThat(subscribers(this.shop)).isEqualTo(7);
		assertThat(subscribers(this.news)).isEqualTo(100);
	}

	@Test
	void aRateWarningShowsOnTheDashboardAndTheAppsPage() {
		assertThat(signed("Alert.RequestOverLimit", """
				{"CallbackCommand":"Alert.RequestOverLimit","ServiceName":"openim",
				 "Command":"send_official_account_msg","Request":170,"Limit":200}""").statusCode()).isEqualTo(200);
		assertThat(this.tencent.post(TencentCallbacks.unsigned(this.app.sdkAppId(), "Alert.RequestOverLimit"), "{}")
			.statusCode()).isEqualTo(401);

		WebSession admin = WebSession.signIn(this.port, this.users.create("cbadmin", "ADMIN"));
		String dashboard = admin.get("/").body();
		assertThat(dashboard).contains("id=\"dashboard-rate-alerts\"")
			.contains(this.app.name() + ": send_official_account_msg ran at 170 calls per second");
		String page = admin.get("/admin/apps/" + this.app.id()).body();
		assertThat(page).contains("value=\"http://localhost:" + this.port + "/callbacks/tencent\"")
			.contains("id=\"callbacks-signed\"")
			.contains("send_official_account_msg ran at 170 calls per second")
			.contains("<code>Alert.RequestOverLimit</code>")
			.contains("the callback carried no signature")
			.doesNotContain(TencentCallbacks.TOKEN);
	}

	@Test
	void commandsHeraldDoesNotUseAreAnsweredOkAndChangeNothing() {
		HttpResponse<String> answer = signed("OfficialAccount.CallbackAfterOfficialAccountInfoChanged", """
				{"Official_Account":"%s","Name":"Renamed"}""".formatted(this.news.accountId()));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"ActionStatus\":\"OK\"");
		assertThat(this.accounts.find(this.news.id()).orElseThrow().name()).isEqualTo("News");
	}

	private HttpResponse<String> signed(String command, String body) {
		return this.tencent
			.post(TencentCallbacks.signed(this.app.sdkAppId(), command, TencentCallbacks.TOKEN, Instant.now()), body);
	}

	private long subscribers(OfficialAccountView account) {
		return this.accounts.find(account.id()).orElseThrow().subscriberCount();
	}

}
