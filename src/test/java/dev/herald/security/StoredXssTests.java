package dev.herald.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.herald.support.ApplicationTest;
import dev.herald.support.Browser;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Stored XSS: a script payload typed into every text field a user can fill comes back
 * escaped on every page that shows it, and never as markup.
 */
@ApplicationTest
class StoredXssTests {

	private static final String PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>";

	private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;";

	private static final RequestPostProcessor ADMIN = user("xss-admin").roles("ADMIN");

	private static final RequestPostProcessor OPERATOR = user("xss-operator").roles("OPERATOR");

	private static final RequestPostProcessor EDITOR = user("xss-editor").roles("EDITOR");

	private static final RequestPostProcessor ANALYST = user("xss-analyst").roles("ANALYST");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@LocalServerPort
	private int port;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void everyUserTextIsEscapedWhereverItIsShown() {
		String suffix = this.suffix;
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_900_000_000L, 1_999_999_999L);

		// Admin: a user and a Chat app, both named with the payload.
		String username = "xss-" + suffix;
		redirected(this.mvc.post()
			.uri("/admin/users")
			.with(ADMIN)
			.with(csrf())
			.param("username", username)
			.param("displayName", PAYLOAD)
			.param("roles", "OPERATOR")
			.param("password", "a fine long password"));
		long userId = id("select id from staff_user where username = ?", username);
		MvcTestResult appCreated = redirected(this.mvc.post()
			.uri("/admin/apps")
			.with(ADMIN)
			.with(csrf())
			.param("name", PAYLOAD + suffix)
			.param("sdkAppId", String.valueOf(sdkAppId))
			.param("endpoint", "SIMULATOR")
			.param("customBaseUrl", "")
			.param("adminIdentifier", "administrator")
			.param("secretKey", "xss-secret-" + suffix)
			.param("rateLimitPerSecond", "200"));
		long appId = id("select id from chat_app where sdk_app_id = ?", sdkAppId);

		// Operator: an official account and a target group.
		String oaId = "@TOA#_xss_" + suffix;
		redirected(this.mvc.post()
			.uri("/accounts")
			.with(OPERATOR)
			.with(csrf())
			.param("chatAppId", String.valueOf(appId))
			.param("accountId", oaId)
			.param("name", PAYLOAD));
		long accountId = id("select id from official_account where account_id = ?", oaId);
		redirected(this.mvc.post()
			.uri("/accounts/groups")
			.with(OPERATOR)
			.with(csrf())
			.param("chatAppId", String.valueOf(appId))
			.param("name", PAYLOAD + suffix)
			.param("description", PAYLOAD)
			.param("members", String.valueOf(accountId)));
		long groupId = id("select id from target_group where name = ?", PAYLOAD + suffix);

		// Operator composes a draft with the payload everywhere, edits it once, submits;
		// the editor asks for changes with the payload as comment, then the operator
		// resubmits and the editor approves.
		redirected(draft("/drafts/new", null, "first"));
		long draftId = id("select id from draft where title = ?", PAYLOAD + suffix);
		redirected(draft("/drafts/" + draftId + "/edit", lock(draftId), "second"));
		redirected(this.mvc.post()
			.uri("/drafts/{id}/submit", draftId)
			.with(OPERATOR)
			.with(csrf())
			.param("version", String.valueOf(lock(draftId))));
		Map<String, Boolean> reviewPages = new LinkedHashMap<>();
		reviewPages.put("/drafts/review", true);
		reviewPages.put("/drafts/" + draftId + "/review", true);
		assertEscaped(reviewPages, EDITOR);
		redirected(this.mvc.post()
			.uri("/drafts/{id}/request-changes", draftId)
			.with(EDITOR)
			.with(csrf())
			.param("version", String.valueOf(lock(draftId)))
			.param("comment", PAYLOAD));
		redirected(draft("/drafts/" + draftId + "/edit", lock(draftId), "third"));
		redirected(this.mvc.post()
			.uri("/drafts/{id}/submit", draftId)
			.with(OPERATOR)
			.with(csrf())
			.param("version", String.valueOf(lock(draftId))));
		redirected(this.mvc.post()
			.uri("/drafts/{id}/approve", draftId)
			.with(EDITOR)
			.with(csrf())
			.param("version", String.valueOf(lock(draftId))));
		long versionId = id("select v.id from draft_version v join draft d on d.id = v.draft_id "
				+ "where d.id = ? and v.number = d.current_version", draftId);

		// Operator schedules a campaign with the payload as label.
		MvcTestResult campaignCreated = redirected(this.mvc.post()
			.uri("/campaigns")
			.with(OPERATOR)
			.with(csrf())
			.param("label", PAYLOAD)
			.param("chatAppId", String.valueOf(appId))
			.param("versionId", String.valueOf(versionId))
			.param("accountIds", String.valueOf(accountId))
			.param("groupIds", String.valueOf(groupId))
			.param("kind", "ONCE")
			.param("onceAt", LocalDate.now(ZoneOffset.UTC).plusDays(30).atTime(9, 0).toString())
			.param("zone", "UTC")
			.param("lateMinutes", "15"));
		String campaignPath = campaignCreated.getResponse().getRedirectedUrl();
		long campaignId = Long.parseLong(campaignPath.replaceAll(".*/campaigns/(\\d+).*", "$1"));
		long runId = deliveredRun(appId, campaignId, oaId);

		Map<String, Boolean> operatorPages = new LinkedHashMap<>();
		operatorPages.put("/", false);
		operatorPages.put("/accounts", true);
		operatorPages.put("/accounts?app=" + appId, true);
		operatorPages.put("/accounts/" + accountId, true);
		operatorPages.put("/accounts/groups", true);
		operatorPages.put("/accounts/groups/" + groupId, true);
		operatorPages.put("/accounts/groups/new?app=" + appId, true);
		operatorPages.put("/drafts", true);
		operatorPages.put("/drafts/" + draftId, true);
		operatorPages.put("/drafts/" + draftId + "/edit", true);
		operatorPages.put("/drafts/" + draftId + "/diff?from=1&to=3", true);
		operatorPages.put("/campaigns", true);
		operatorPages.put("/campaigns/new", true);
		operatorPages.put("/campaigns/new?app=" + appId, true);
		operatorPages.put(campaignPath, true);
		operatorPages.put(campaignPath + "/edit", true);
		operatorPages.put("/campaigns/calendar?date=" + LocalDate.now(ZoneOffset.UTC).plusDays(30), true);
		operatorPages.put("/runs/" + runId, false);
		assertEscaped(operatorPages, OPERATOR);

		Map<String, Boolean> adminPages = new LinkedHashMap<>();
		adminPages.put("/admin/users", true);
		adminPages.put("/admin/users/" + userId, true);
		adminPages.put("/admin/apps", true);
		adminPages.put("/admin/apps/" + appId, true);
		assertEscaped(adminPages, ADMIN);
		assertThat(this.mvc.get().uri("/admin/apps").with(ADMIN).flashAttrs(appCreated.getMvcResult().getFlashMap()))
			.bodyText()
			.as("the flash message naming the new app")
			.doesNotContain(PAYLOAD)
			.contains(ESCAPED + suffix);

		Map<String, Boolean> analystPages = new LinkedHashMap<>();
		// The campaign's label, on every report that names the campaign.
		analystPages.put("/reports", true);
		analystPages.put("/reports/deliveries?app=" + appId, true);
		analystPages.put("/reports/runs/" + runId, true);
		analystPages.put("/reports/campaigns/" + campaignId, true);
		analystPages.put("/audit", true);
		assertEscaped(analystPages, ANALYST);

		inertInChromium(List.of("/admin/users", "/admin/apps", "/accounts?app=" + appId, "/accounts/groups",
				"/drafts/" + draftId, "/drafts/" + draftId + "/edit", campaignPath, "/reports",
				"/reports/runs/" + runId, "/reports/campaigns/" + campaignId, "/reports/deliveries?app=" + appId,
				"/audit"));
	}

	/** The same pages in a real browser: no dialog opens, no injected element exists. */
	private void inertInChromium(List<String> paths) {
		String username = this.users.create("xss-viewer", "ADMIN", "OPERATOR", "ANALYST");
		try (Browser browser = Browser.launch("http://localhost:" + this.port)) {
			Page page = browser.newPage();
			List<String> dialogs = new ArrayList<>();
			page.onDialog((dialog) -> {
				dialogs.add(dialog.message());
				dialog.dismiss();
			});
			Browser.signIn(page, username);
			for (String path : paths) {
				page.navigate(path);
				page.waitForLoadState(LoadState.NETWORKIDLE);
				assertThat(page.locator("img[src='x']").count()).as("injected image on %s", path).isZero();
				assertThat(page.locator("body").innerText()).as("payload shown as text on %s", path)
					.contains("<script>alert(1)</script>");
			}
			Browser.screenshot(page, "security-xss-audit");
			assertThat(dialogs).as("dialogs opened by injected script").isEmpty();
		}
	}

	private MockMvcTester.MockMvcRequestBuilder draft(String uri, Long version, String text) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.post()
			.uri(uri)
			.with(OPERATOR)
			.with(csrf())
			.param("action", "save")
			.param("title", PAYLOAD + this.suffix)
			.param("notes", PAYLOAD)
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", PAYLOAD + " " + text)
			.param("elements[1].type", "TIMCustomElem")
			.param("elements[1].fields[Data]", PAYLOAD)
			.param("elements[1].fields[Desc]", PAYLOAD)
			.param("elements[1].fields[Ext]", PAYLOAD)
			.param("cloudCustomData", PAYLOAD)
			.param("pushTitle", PAYLOAD);
		if (version != null) {
			request.param("version", String.valueOf(version));
		}
		return request;
	}

	private long lock(long draftId) {
		return id("select version from draft where id = ?", draftId);
	}

	/**
	 * A finished run of the campaign with one delivery whose ErrorInfo echoes the
	 * payload.
	 */
	private long deliveredRun(long appId, long campaignId, String oaId) {
		Timestamp now = Timestamp.from(Instant.now());
		long runId = this.jdbc.sql("""
				insert into send_run (chat_app_id, campaign_id, content_json, state, total, created_at,
				                      state_changed_at, finished_at)
				values (?, ?, '{}', 'FINISHED', 1, ?, ?, ?) returning id""")
			.params(appId, campaignId, now, now, now)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into delivery (run_id, chat_app_id, campaign_id, official_account, random, status, attempts,
				  first_attempt_at, last_attempt_at, http_status, action_status, error_code, error_info, created_at)
				values (?, ?, ?, ?, 7, 'FAILED', 1, ?, ?, 200, 'FAIL', 20001, ?, ?)""")
			.params(runId, appId, campaignId, oaId, now, now, PAYLOAD, now)
			.update();
		return runId;
	}

	private MvcTestResult redirected(MockMvcTester.MockMvcRequestBuilder request) {
		MvcTestResult result = request.exchange();
		assertThat(result).as("%s", result.getMvcResult().getRequest().getRequestURI()).hasStatus3xxRedirection();
		return result;
	}

	private long id(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/**
	 * Every page renders without the raw payload; where {@code true}, it shows the
	 * payload escaped.
	 */
	private void assertEscaped(Map<String, Boolean> pages, RequestPostProcessor who) {
		pages.forEach((uri, shown) -> {
			MvcTestResult page = this.mvc.get().uri(uri).with(who).exchange();
			assertThat(page).as(uri).hasStatusOk();
			assertThat(page).bodyText()
				.as("raw payload on %s", uri)
				.doesNotContain("<script>alert")
				.doesNotContain("<img src=x")
				.doesNotContain("onerror=alert(2)>");
			if (shown) {
				assertThat(page).bodyText().as("escaped payload on %s", uri).contains(ESCAPED);
			}
		});
	}

}
