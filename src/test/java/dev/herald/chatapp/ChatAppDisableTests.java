package dev.herald.chatapp;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Disabling and enabling Chat apps: kept out of new campaigns, shown as disabled, what is
 * scheduled left alone and counted, every change audited.
 */
@ApplicationTest
class ChatAppDisableTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ChatApps apps;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Autowired
	private TestUsers users;

	@LocalServerPort
	private int port;

	@Test
	void disablingAsksNamingTheAppAndItsPlannedCampaignsAndDisablesOnlyOnceConfirmed() {
		ChatAppView app = this.campaignFixtures.app("Ask first", 1).app();
		for (String label : List.of("Planned one", "Planned two")) {
			long campaign = this.campaignFixtures.completedCampaign(app.id(), label);
			this.jdbc.sql("update campaign set status = 'PAUSED' where id = :id").param("id", campaign).update();
		}
		WebSession session = WebSession.signIn(this.port, this.users.create("disabler", "ADMIN"));
		String list = session.get("/admin/apps").body();
		assertThat(WebSession.formTag(list, "action=\"/admin/apps/" + app.id() + "/disable\""))
			.contains("data-confirm=\"true\"");
		String page = session.get("/admin/apps/" + app.id()).body();
		assertThat(WebSession.formTag(page, "action=\"/admin/apps/" + app.id() + "/disable\""))
			.contains("data-confirm=\"true\"");

		HttpResponse<String> question = session.post("/admin/apps/" + app.id() + "/disable",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Disable Chat app &quot;" + app.name() + "&quot;?")
			.contains("Its 2 scheduled, running or paused campaigns are not changed and send as planned.")
			.contains(">Disable Chat app</button>");
		assertThat(this.apps.get(app.id()).enabled()).isTrue();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.apps.get(app.id()).enabled()).isFalse();
		// Enabling again asks nothing.
		assertThat(WebSession.formTag(session.get("/admin/apps/" + app.id()).body(),
				"action=\"/admin/apps/" + app.id() + "/enable\""))
			.doesNotContain("data-confirm");
	}

	@Test
	void aDisabledAppIsShownAsDisabledAndNotOfferedUntilEnabledAgain() {
		ChatAppView app = this.campaignFixtures.app("Disable me", 1).app();
		assertThat(this.apps.enabledApps()).extracting(ChatAppView::id).contains(app.id());

		assertThat(post(app.id(), "disable")).hasStatus(302)
			.hasRedirectedUrl("/admin/apps/" + app.id())
			.flash()
			.containsEntry("success", "chatapp.disabledDone");
		assertThat(this.apps.get(app.id()).enabled()).isFalse();
		assertThat(this.apps.enabledApps()).extracting(ChatAppView::id).doesNotContain(app.id());
		// still known to everything that already uses it
		assertThat(this.apps.all()).extracting(ChatAppView::id).contains(app.id());
		assertThat(this.apps.connection(app.id()).sdkAppId()).isEqualTo(app.sdkAppId());
		MvcTestResult list = this.mvc.get().uri("/admin/apps").with(user("root").roles("ADMIN")).exchange();
		assertThat(list).hasStatusOk().bodyText().containsPattern("id=\"app-" + app.id() + "\"(?s).*?app-disabled");
		assertThat(this.mvc.get().uri("/admin/apps/{id}", app.id()).with(user("root").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("app-disabled", "enable-app")
			.doesNotContain("app-scheduled-warning");

		assertThat(post(app.id(), "enable")).hasStatus(302).flash().containsEntry("success", "chatapp.enabledDone");
		assertThat(this.apps.get(app.id()).enabled()).isTrue();
		assertThat(this.apps.enabledApps()).extracting(ChatAppView::id).contains(app.id());
		assertThat(actions(app.id())).containsExactly("chatapp.created", "chatapp.disabled", "chatapp.enabled");
	}

	@Test
	void disablingTwiceIsAuditedOnce() {
		ChatAppView app = this.campaignFixtures.app("Twice", 0).app();
		post(app.id(), "disable");
		post(app.id(), "disable");
		post(app.id(), "enable");
		post(app.id(), "enable");
		assertThat(actions(app.id())).containsExactly("chatapp.created", "chatapp.disabled", "chatapp.enabled");
	}

	@Test
	void theAppPageWarnsAboutCampaignsThatStillSendAndLeavesThemAlone() {
		ChatAppView app = this.campaignFixtures.app("Busy", 1).app();
		long paused = this.campaignFixtures.completedCampaign(app.id(), "Still planned");
		this.campaignFixtures.completedCampaign(app.id(), "Long done");
		// paused: nothing fires it in this test, and it still counts as planned
		this.jdbc.sql("update campaign set status = 'PAUSED' where id = :id").param("id", paused).update();

		post(app.id(), "disable");
		assertThat(this.mvc.get().uri("/admin/apps/{id}", app.id()).with(user("root").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("app-scheduled-warning", "It still has 1 scheduled, running or paused campaign.");
		assertThat(this.mvc.get()
			.uri("/admin/apps/{id}", app.id())
			.header("Accept-Language", "ja")
			.with(user("root").roles("ADMIN"))).bodyText().contains("まだ 1 件あります");
		assertThat(this.jdbc.sql("select status from campaign where id = :id")
			.param("id", paused)
			.query(String.class)
			.single()).isEqualTo("PAUSED");
	}

	@Test
	void onlyAdminsDisableAndUnknownAppsAnswer404() {
		ChatAppView app = this.campaignFixtures.app("Guarded", 0).app();
		for (String role : List.of("OPERATOR", "EDITOR", "ANALYST")) {
			assertThat(this.mvc.post()
				.uri("/admin/apps/{id}/disable", app.id())
				.with(csrf())
				.with(user("someone").roles(role))).hasStatus(403);
		}
		assertThat(this.apps.get(app.id()).enabled()).isTrue();
		assertThat(post(999_999_998L, "disable")).hasStatus(404);
	}

	private MvcTestResult post(long id, String action) {
		return this.mvc.post()
			.uri("/admin/apps/{id}/" + action, id)
			.with(csrf())
			.with(user("root").roles("ADMIN"))
			.param("confirmed", "true") // disabling asks first; this is the yes
			.exchange();
	}

	private List<String> actions(long appId) {
		return this.jdbc
			.sql("select action from audit_event where object_type = 'chatapp' and object_id = :id order by id")
			.param("id", String.valueOf(appId))
			.query(String.class)
			.list();
	}

}
