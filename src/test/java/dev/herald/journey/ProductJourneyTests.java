package dev.herald.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product as its users live it, one browser context per person: the admin sets
 * up a user, a Chat app on the built-in simulator and official accounts; an operator
 * composes, an editor approves, the operator sends now and watches the run finish, then
 * recalls it; an analyst finds the deliveries and exports them. A shorter journey runs
 * again in Simplified Chinese and Japanese. Screenshots land in
 * {@code target/screenshots/journey-*.png}.
 */
@BrowserTest
class ProductJourneyTests {

	/**
	 * Message keys left untranslated, Thymeleaf style, or raw property keys on screen.
	 */
	private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?|(?<![\\w/@#.:-])(?:campaigns|drafts|"
			+ "accounts|groups|chatapp|staff|reports|run|nav|audit|dashboard|action|error|language|login|account|"
			+ "DeliveryStatus|RunState|CampaignStatus|DraftStatus|Role|Endpoint)\\.[A-Za-z_][\\w.]*");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MessageSource messages;

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Test
	void adminSetsUpOperatorSendsEditorApprovesAnalystExports(Browser browser) throws IOException {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_700_000_000L, 1_799_999_999L);
		String appName = "Journey " + sdkAppId;
		List<String> oaIds = List.of("@TOA#_journey_" + suffix + "_a", "@TOA#_journey_" + suffix + "_b",
				"@TOA#_journey_" + suffix + "_test");

		// The admin adds the operator, a Chat app on the simulator and three accounts.
		Page admin = Browser.signIn(browser.newPage(), this.users.create("admin", "ADMIN"));
		String operator = "operator-" + suffix;
		admin.navigate("/admin/users/new");
		admin.locator("#username").fill(operator);
		admin.locator("#displayName").fill("Olga Operator");
		admin.locator("input[name=roles][value=OPERATOR]").check();
		admin.locator("#password").fill(TestUsers.PASSWORD);
		shot(admin, "01-admin-new-user");
		admin.locator("#save-user").click();
		assertThat(admin).hasURL(Pattern.compile(".*/admin/users$"));
		assertThat(admin.locator("body")).containsText(operator);
		shot(admin, "02-admin-users");

		admin.navigate("/admin/apps/new");
		admin.locator("#name").fill(appName);
		admin.locator("#sdkAppId").fill(String.valueOf(sdkAppId));
		admin.locator("#endpoint").selectOption(new SelectOption().setLabel("Built-in simulator"));
		admin.locator("#adminIdentifier").fill("administrator");
		admin.locator("#secretKey").fill("journey-secret-" + suffix);
		// As set in the Tencent console: the built-in simulator then calls back signed.
		admin.locator("#callbackToken").fill("journey-token-" + suffix);
		shot(admin, "03-admin-new-app");
		admin.locator("#save-app").click();
		assertThat(admin.locator("#flash-success")).containsText(appName);
		admin.locator("#apps tr", new Page.LocatorOptions().setHasText(appName)).locator("button[id^=test-]").click();
		assertThat(admin.locator("#flash-success")).containsText(appName);
		assertThat(admin.locator("#flash-failure")).hasCount(0);
		shot(admin, "04-admin-app-connection-tested");
		long appId = this.jdbc.sql("select id from chat_app where sdk_app_id = :id")
			.param("id", sdkAppId)
			.query(Long.class)
			.single();

		for (String oaId : oaIds) {
			admin.navigate("/accounts?app=" + appId);
			admin.locator("#chatAppId").selectOption(String.valueOf(appId));
			admin.locator("#accountId").fill(oaId);
			admin.locator("#name").fill("Journey " + oaId.substring(oaId.lastIndexOf('_') + 1));
			if (oaId.endsWith("_test")) {
				admin.locator("input[type=checkbox][name=testAccount]").check();
			}
			admin.locator("#add-account-submit").click();
			assertThat(admin.locator("#accounts")).containsText(oaId);
		}
		shot(admin, "05-admin-accounts");

		// The operator composes and submits; an editor approves.
		Page author = Browser.signIn(browser.newPage(), operator);
		author.navigate("/drafts/new");
		author.waitForLoadState(LoadState.LOAD);
		author.locator("#title").fill("Journey news " + suffix);
		author.locator("#el-0-Text").fill("Hello from the journey");
		assertThat(author.locator("#live-push-text")).hasText("Hello from the journey");
		shot(author, "06-operator-composer");
		author.locator("#save-draft").click();
		assertThat(author.locator("#draft-status")).hasText("Draft");
		long draftId = Long.parseLong(author.url().replaceAll(".*/drafts/(\\d+).*", "$1"));
		author.locator("#submit-draft").click();
		assertThat(author.locator("#draft-status")).hasText("In review");
		shot(author, "07-operator-draft-submitted");

		Page editor = Browser.signIn(browser.newPage(), this.users.create("editor", "EDITOR"));
		editor.navigate("/drafts/review");
		shot(editor, "08-editor-queue");
		editor.locator("#queue a[href$='/drafts/" + draftId + "/review']").click();
		shot(editor, "09-editor-review");
		editor.locator("#approve-draft").click();
		assertThat(editor.locator("#draft-status")).hasText("Approved");
		shot(editor, "10-editor-approved");

		// The operator sends now and watches the run finish on the campaign page.
		author.navigate("/campaigns/new?app=" + appId);
		author.locator("#label").fill("Journey campaign " + suffix);
		author.locator("#versionId").selectOption(new SelectOption().setIndex(1));
		assertThat(author.locator("#versionId option:checked")).containsText("Journey news " + suffix);
		List<Long> accountIds = new ArrayList<>();
		for (String oaId : oaIds) {
			long id = this.jdbc.sql("select id from official_account where account_id = :oa")
				.param("oa", oaId)
				.query(Long.class)
				.single();
			accountIds.add(id);
			Browser.pickAccount(author, oaId, id);
		}
		author.locator("input[name=kind][value=NOW]").check();
		author.locator("#zone").fill("Europe/Berlin");
		shot(author, "11-operator-new-campaign");
		author.locator("#save-campaign").click();
		assertThat(author.locator("#campaign-title")).hasText("Journey campaign " + suffix);
		long campaignId = idOf(author);
		// The run appears once the scheduler fires; Playwright wants the test's thread.
		await("the run's progress").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.pollInSameThread()
			.until(() -> reloaded(author).locator("section[id^=run-progress-]").count() > 0);
		shot(author, "12-operator-campaign-progress");
		assertThat(author.locator(".run-state")).hasText("Finished",
				new LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertThat(author.locator("#count-SENT")).hasText(String.valueOf(oaIds.size()));
		author.reload();
		assertThat(author.locator("#campaign-status")).hasText("Completed");
		shot(author, "13-operator-campaign-completed");

		author.locator("#recall-campaign").click();
		assertThat(author.locator("#confirm-dialog")).containsText(oaIds.size() + " sent messages");
		shot(author, "13b-operator-campaign-recall-question");
		author.locator("#confirm-yes").click();
		assertThat(author.locator("#flash-success")).containsText(String.valueOf(oaIds.size()));
		shot(author, "14-operator-campaign-recalled");

		// The simulator's signed callbacks reached Herald: the app's page says so.
		admin.navigate("/admin/apps/" + appId);
		await("an accepted callback on the app's page").atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(500))
			.pollInSameThread()
			.until(() -> reloaded(admin).locator("#callback-last-accepted").innerText().contains("Callback"));
		assertThat(admin.locator("#callbacks-signed")).isVisible();
		assertThat(admin.locator("#callback-last-accepted")).containsText("OfficialAccount.Callback");
		assertThat(admin.locator("#callback-last-refused")).containsText("None yet");
		assertThat(admin.locator("#callback-url")).hasValue(Pattern.compile(".*/callbacks/tencent$"));
		assertThat(admin.locator("body")).not().containsText("journey-token-" + suffix);
		shot(admin, "14b-admin-app-callbacks");

		// The analyst finds the campaign's deliveries and exports them.
		List<String> msgKeys = this.jdbc.sql("select msg_key from delivery where official_account in (:oas)")
			.param("oas", oaIds)
			.query(String.class)
			.list();
		assertThat(msgKeys).hasSize(oaIds.size()).doesNotContainNull();
		Page analyst = Browser.signIn(browser.newPage(), this.users.create("analyst", "ANALYST"));
		analyst.navigate("/reports/deliveries");
		analyst.locator("#app").selectOption(String.valueOf(appId));
		analyst.locator("#campaign").fill(String.valueOf(campaignId));
		analyst.locator("#apply-filter").click();
		assertThat(analyst).hasURL(Pattern.compile(".*[?&]campaign=" + campaignId + ".*"));
		assertThat(analyst.locator("tr.delivery-row")).hasCount(oaIds.size());
		shot(analyst, "15-analyst-history");

		Download csvDownload = analyst.waitForDownload(() -> analyst.locator("#export-csv").click());
		String csv = Files.readString(csvDownload.path(), StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
		assertThat(records).hasSize(oaIds.size() + 1);
		int keyColumn = headerIndex(records.get(0), "MsgKey");
		assertThat(records.subList(1, records.size()).stream().map((r) -> r.get(keyColumn)).toList())
			.containsExactlyInAnyOrderElementsOf(msgKeys);

		Download xlsxDownload = analyst.waitForDownload(() -> analyst.locator("#export-xlsx").click());
		try (InputStream in = Files.newInputStream(xlsxDownload.path());
				ReadableWorkbook workbook = new ReadableWorkbook(in)) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(oaIds.size() + 1);
			assertThat(rows.subList(1, rows.size()).stream().map((r) -> r.getCellText(keyColumn)).toList())
				.containsExactlyInAnyOrderElementsOf(msgKeys);
		}

		analyst.navigate("/reports/campaigns/" + campaignId);
		shot(analyst, "16-analyst-campaign-report");
	}

	@Test
	void shortJourneyInSimplifiedChinese(Browser browser) {
		shortJourney(browser, "zh-CN", Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void shortJourneyInJapanese(Browser browser) {
		shortJourney(browser, "ja", Locale.JAPANESE);
	}

	/**
	 * Compose and submit, schedule a campaign, look at reports: every page in the
	 * language, no key left untranslated.
	 */
	private void shortJourney(Browser browser, String tag, Locale locale) {
		CampaignFixtures.App app = this.campaignFixtures.app("Journey " + locale.getLanguage(), 1);
		long versionId = this.campaignFixtures.approvedVersion("Journey " + tag + " content");
		String user = this.users.create("journey-" + locale.getLanguage(), "OPERATOR", "ANALYST");
		Page page = Browser.signIn(browser.newPage(tag), user);
		page.navigate("/?lang=" + tag);
		assertThat(page.locator("html")).hasAttribute("lang", tag);
		checkPage(page, tag, "01-dashboard", "#dashboard-title", "dashboard.title", locale);

		page.navigate("/drafts");
		checkPage(page, tag, "02-drafts", "#drafts-title", "drafts.list.title", locale);
		page.navigate("/drafts/new");
		page.waitForLoadState(LoadState.LOAD);
		checkPage(page, tag, "03-composer", "#composer-title", "drafts.new.title", locale);
		page.locator("#title").fill("Journey " + tag);
		page.locator("#el-0-Text").fill("你好 こんにちは");
		page.locator("#save-draft").click();
		assertThat(page.locator("#draft-status")).hasText(text("DraftStatus.DRAFT", locale));
		page.locator("#submit-draft").click();
		assertThat(page.locator("#draft-status")).hasText(text("DraftStatus.IN_REVIEW", locale));
		checkPage(page, tag, "04-draft", "#draft-title", null, locale);

		page.navigate("/campaigns/new?app=" + app.id());
		checkPage(page, tag, "05-new-campaign", "#campaign-form-title", "campaigns.new", locale);
		page.locator("#label").fill("Journey " + tag);
		page.locator("#versionId").selectOption(String.valueOf(versionId));
		Browser.pickAccount(page, app.accounts().get(0).accountId(), app.accountIds().get(0));
		page.locator("input[name=kind][value=ONCE]").check();
		page.locator("#zone").fill("Asia/Tokyo");
		page.locator("#onceAt").fill(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(20).atTime(9, 0).toString());
		page.locator("#save-campaign").click();
		assertThat(page.locator("#campaign-status")).hasText(text("CampaignStatus.SCHEDULED", locale));
		checkPage(page, tag, "06-campaign", "#campaign-title", null, locale);
		page.navigate("/campaigns");
		checkPage(page, tag, "07-campaigns", "h1", "campaigns.title", locale);
		page.navigate("/accounts");
		checkPage(page, tag, "08-accounts", "h1", "accounts.title", locale);
		page.navigate("/reports");
		checkPage(page, tag, "09-reports", "#reports-title", "reports.title", locale);
		page.navigate("/reports/deliveries");
		checkPage(page, tag, "10-history", "#reports-title", "reports.title", locale);
	}

	private void checkPage(Page page, String tag, String name, String heading, String headingKey, Locale locale) {
		assertThat(page.locator(heading)).isVisible();
		if (headingKey != null) {
			String translated = text(headingKey, locale);
			assertThat(translated).as("%s is translated", headingKey).isNotEqualTo(text(headingKey, Locale.ENGLISH));
			assertThat(page.locator(heading).first()).hasText(translated);
		}
		shot(page, tag + "-" + name);
	}

	private static void assertNoRawKeys(Page page) {
		String shown = page.locator("body").innerText();
		Matcher raw = RAW_KEY.matcher(shown);
		assertThat(raw.find()).as("untranslated key on %s: %s", page.url(), raw.find(0) ? raw.group() : "").isFalse();
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static int headerIndex(CSVRecord header, String name) {
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).replace("\uFEFF", "").equals(name)) {
				return i;
			}
		}
		throw new AssertionError("no column " + name + " in " + header);
	}

	/** Saves the page for review; no page may show a raw message key, in any language. */
	private static void shot(Page page, String name) {
		Browser.screenshot(page, "journey-" + name);
		assertNoRawKeys(page);
	}

	/** Reloads the page, for a condition on what the server shows now. */
	private static Page reloaded(Page page) {
		page.reload();
		return page;
	}

	private static long idOf(Page page) {
		String url = page.url();
		return Long.parseLong(url.replaceAll(".*/campaigns/(\\d+).*", "$1"));
	}

}
