package dev.herald.journey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator with 5,000 official accounts, all through the browser: imports them by CSV
 * with tags, builds a dynamic group by tag, sends one campaign to every account of the
 * app and one to the group, and every targeted account gets exactly one broadcast of
 * each.
 */
@BrowserTest
class AudienceJourneyTests {

	private static final int ACCOUNTS = 5_000;

	private static final String[] REGIONS = { "apac", "emea", "amer", "latam", "mea" };

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Test
	void fiveThousandAccountsByCsvADynamicGroupAndTwoCampaignsEachReachEveryTargetOnce(Browser browser) {
		// The highest rate an app may have, so 6,000 sends take seconds, not half a
		// minute.
		CampaignFixtures.App app = this.campaignFixtures.simulatorApp("Audience", 0, 1000);
		long sdkAppId = app.sdkAppId();
		long versionId = this.campaignFixtures.approvedVersion("Audience news");
		String operator = this.users.create("audience", "OPERATOR");
		Page page = Browser.signIn(browser.newPage(), operator);

		page.navigate("/accounts/import?app=" + app.id());
		page.locator("#file").setInputFiles(new FilePayload("accounts.csv", "text/csv", csv(sdkAppId)));
		page.locator("#import-submit").click();
		assertThat(page.locator(".alert-success")).containsText("5,000");
		assertThat(count("select count(*) from official_account where chat_app_id = ?", app.id())).isEqualTo(ACCOUNTS);
		page.navigate("/accounts?app=" + app.id() + "&tag=region:apac");
		Browser.screenshot(page, "audience-accounts-by-tag");

		page.navigate("/accounts/groups/new?app=" + app.id());
		page.locator("#name").fill("APAC stores");
		page.locator("#kind-dynamic").check();
		page.locator("#filterTags").fill("region:apac, store");
		assertThat(page.locator("#match-count")).containsText("500");
		page.locator("#save-group").click();
		long groupId = this.jdbc.sql("select id from target_group where chat_app_id = ? and name = 'APAC stores'")
			.param(app.id())
			.query(Long.class)
			.single();
		Browser.screenshot(page, "audience-dynamic-group");

		long everyone = saveNow(page, app, versionId, "Everyone " + sdkAppId, null);
		long apac = saveNow(page, app, versionId, "APAC stores " + sdkAppId, groupId);

		awaitFinished(everyone);
		awaitFinished(apac);
		assertThat(sent(everyone)).isEqualTo(ACCOUNTS);
		assertThat(sent(apac)).isEqualTo(ACCOUNTS / 10);
		Map<String, Long> accepted = this.simulator.acceptedBroadcasts(sdkAppId);
		assertThat(accepted).hasSize(ACCOUNTS);
		accepted.forEach((account, broadcasts) -> {
			int n = Integer.parseInt(account.substring(account.lastIndexOf('_') + 1));
			boolean inGroup = REGIONS[n % REGIONS.length].equals("apac") && n % 2 == 0;
			assertThat(broadcasts).as(account).isEqualTo(inGroup ? 2 : 1);
		});
		page.navigate("/campaigns/" + apac);
		assertThat(page.locator(".run-shares")).containsText("APAC stores");
		Browser.screenshot(page, "audience-campaign");
	}

	/**
	 * Sends now, to every account of the app or to one group, through the campaign form.
	 */
	private long saveNow(Page page, CampaignFixtures.App app, long versionId, String label, Long groupId) {
		page.navigate("/campaigns/new?app=" + app.id());
		page.locator("#label").fill(label);
		page.locator("#versionId").selectOption(String.valueOf(versionId));
		if (groupId == null) {
			page.locator("#allAccounts1").check();
			assertThat(page.locator("#audience-size")).containsText("5,000");
			page.locator("#tags").fill("store");
			page.locator("#tags").dispatchEvent("change");
			assertThat(page.locator("#audience-shares")).containsText("Tag \"store\": 2,500");
			assertThat(page.locator("#audience-size")).containsText("5,000");
			Browser.pickAccount(page, "@TOA#_aud_", firstAccount(app));
			Browser.screenshot(page, "audience-campaign-form");
			page.locator("#tags").fill("");
		}
		else {
			page.locator("input[name=groupIds][value='" + groupId + "']").check();
			assertThat(page.locator("#audience-size")).containsText("500");
		}
		page.locator("input[name=kind][value=NOW]").check();
		page.locator("#zone").fill("UTC");
		page.locator("#save-campaign").click();
		assertThat(page).hasURL(Pattern.compile(".*/campaigns/\\d+$"));
		return Long.parseLong(page.url().replaceAll(".*/campaigns/(\\d+)$", "$1"));
	}

	private long firstAccount(CampaignFixtures.App app) {
		return count("select min(id) from official_account where chat_app_id = ?", app.id());
	}

	private void awaitFinished(long campaignId) {
		await("campaign " + campaignId + " to finish its run").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> count("select count(*) from campaign_run where campaign_id = ? and finished_at is not null",
					campaignId) > 0);
	}

	private long sent(long campaignId) {
		return count("select count(distinct official_account) from delivery where campaign_id = ? and status = 'SENT'",
				campaignId);
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

	/**
	 * account_id,name,subscriber_count,test,tags: five regions in turn, every other one a
	 * store.
	 */
	private static byte[] csv(long sdkAppId) {
		StringBuilder csv = new StringBuilder("account_id,name,subscriber_count,test,tags\n");
		for (int n = 0; n < ACCOUNTS; n++) {
			csv.append("@TOA#_aud_")
				.append(sdkAppId)
				.append('_')
				.append(n)
				.append(",Store ")
				.append(n)
				.append(",10,false,region:")
				.append(REGIONS[n % REGIONS.length])
				.append((n % 2 == 0) ? " store" : "")
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
