package dev.herald.campaign;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.delivery.Deliveries;
import dev.herald.delivery.Recalls;
import dev.herald.draft.ApprovedVersion;
import dev.herald.draft.ApprovedVersions;
import dev.herald.officialaccount.AudienceSource;
import dev.herald.officialaccount.Audiences;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.FormSubmission;
import dev.herald.support.Html;
import dev.herald.support.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The campaign editor's form without a database: what the fields bind to, the message
 * beside a wrong field in each language, and who may post it. The services behind the
 * controller are mocks; {@link CampaignWebTests} covers what needs the database.
 */
@WebSliceTest(CampaignController.class)
class CampaignFormTests {

	private static final long APP = 7;

	private static final long VERSION = 70;

	private static final long ACCOUNT = 700;

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Campaigns campaigns;

	@MockitoBean
	private CampaignScheduler scheduler;

	@MockitoBean
	private ChatApps chatApps;

	@MockitoBean
	private OfficialAccounts accounts;

	@MockitoBean
	private ApprovedVersions approvedVersions;

	@MockitoBean
	private Deliveries deliveries;

	@MockitoBean
	private Recalls recalls;

	@MockitoBean
	private Audiences audiences;

	@BeforeEach
	void setUp() {
		ChatAppView app = new ChatAppView(APP, "Slice app", 1_400_000_007L, Endpoint.SIMULATOR, "administrator", 200,
				true, 7, false, false);
		given(this.chatApps.all()).willReturn(List.of(app));
		given(this.chatApps.find(APP)).willReturn(Optional.of(app));
		ApprovedVersion version = new ApprovedVersion(1, VERSION, 1, "Slice draft", "{}", "hash", "reviewer",
				Instant.now());
		given(this.approvedVersions.findApproved(VERSION)).willReturn(Optional.of(version));
		given(this.approvedVersions.listApproved()).willReturn(List.of(version));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aOneOffInThePastIsRefusedBesideItsField() {
		assertThat(post("ONCE").param("onceAt", "2020-01-01T10:00").param("zone", "Europe/Berlin")).hasStatusOk()
			.bodyText()
			.containsPattern("is-invalid\"[^>]*id=\"onceAt\"")
			.contains("This time has already passed in the chosen time zone.");
		then(this.scheduler).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anInvalidCronIsRefused() {
		assertThat(post("CRON").param("cron", "every morning").param("zone", "Europe/Berlin")).hasStatusOk()
			.bodyText()
			.contains("This is not a valid Quartz cron expression");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anEndBeforeTheStartIsRefused() {
		assertThat(post("DAILY").param("timeOfDay", "09:00").param("endDate", "2021-05-01").param("zone", "UTC"))
			.hasStatusOk()
			.bodyText()
			.contains("The last day is before the first possible fire");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anUnknownZoneIsRefusedAndEscaped() {
		assertThat(post("DAILY").param("timeOfDay", "09:00").param("zone", "Mars/<b>Olympus</b>")).hasStatusOk()
			.bodyText()
			.contains("Unknown time zone &quot;Mars/&lt;b&gt;Olympus&lt;/b&gt;&quot;")
			.doesNotContain("<b>Olympus");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aLateLimitTooLargeForItsTypeIsToldTheRangeOnceAndKeptInTheField() throws Exception {
		String html = html(
				post("/campaigns", "Late", "DAILY", "999999999999").param("timeOfDay", "09:00").param("zone", "UTC"));
		assertThat(Html.count(html, "Enter a whole number from 0 to 1,440.")).isOne();
		assertThat(Html.childTexts(html, "lateMinutes-error")).containsExactly("Enter a whole number from 0 to 1,440.");
		assertThat(Html.tag(html, "lateMinutes")).contains("value=\"999999999999\"")
			.contains("aria-describedby=\"lateMinutes-error\"");
		then(this.scheduler).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aDateThatDoesNotExistSaysTheExpectedFormAndKeepsWhatWasTyped() throws Exception {
		String html = html(
				post("DAILY").param("timeOfDay", "09:00").param("zone", "UTC").param("endDate", "2031-02-30"));
		assertThat(Html.childTexts(html, "endDate-error"))
			.containsExactly("Enter a date as year-month-day, such as 2025-03-31.");
		assertThat(Html.tag(html, "endDate")).contains("value=\"2031-02-30\"");
		then(this.scheduler).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anEmptyTimeZoneIsRequiredNotUnknown() throws Exception {
		String html = html(post("DAILY").param("timeOfDay", "09:00").param("zone", ""));
		assertThat(Html.childTexts(html, "zone-error")).containsExactly("Choose a time zone.");
		assertThat(Html.tag(html, "zone")).contains("aria-describedby=\"zone-error\"");
		assertThat(html).doesNotContain("null").doesNotContain("Unknown time zone");
		then(this.scheduler).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aScheduleRefusedHundredsOfTimesIsSummedUpWithItsFirstConflicts() throws Exception {
		Instant first = Instant.parse("2031-01-01T00:00:00Z");
		List<QuotaCheck.Conflict> conflicts = new ArrayList<>();
		for (int i = 2; i < 400; i++) {
			conflicts.add(new QuotaCheck.Conflict(first.plusSeconds(i), List.of(), 1, "@TOA#_slice", false));
		}
		List<CampaignPlan.Forecast> forecasts = List
			.of(new CampaignPlan.Forecast(first, Duration.ofSeconds(1), first.plusSeconds(1)));
		given(this.scheduler.preview(any(), any()))
			.willReturn(new CampaignPlan(forecasts, conflicts, List.of(), 1, 200, 400, 86_400));
		String html = html(post("/campaigns/preview", "Every second", "CRON", "15").param("cron", "* * * * * ?")
			.param("zone", "UTC"));
		assertThat(Html.text(html, "plan-refused-summary")).isEqualTo(
				"This schedule fires 86,400 times a day; the per-OA quota allows 2 broadcasts per hour to each official account.");
		assertThat(Html.childTexts(html, "plan-conflicts")).hasSize(5)
			.allSatisfy((line) -> assertThat(line).contains("by this schedule alone (1 account, e.g. @TOA#_slice)"));
		assertThat(Html.text(html, "plan-refused-more")).isEqualTo("… and 393 more.");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aRefusalOnSaveSaysHowOftenTheScheduleFiresAndCountsTheCampaignsItDoesNotName() throws Exception {
		given(this.scheduler.create(any()))
			.willThrow(RuleViolationException.onField("kind", "campaigns.quota.self", "", "@TOA#_a", 0, 86_400));
		assertThat(
				Html.childTexts(html(post("CRON").param("cron", "* * * * * ?").param("zone", "UTC")), "schedule-error"))
			.containsExactly("This schedule fires 86,400 times a day and more than twice within an hour to the same "
					+ "official account (for example @TOA#_a); the per-OA quota allows 2 broadcasts per hour. "
					+ "Make it fire less often.");
		willThrow(RuleViolationException.onField("kind", "campaigns.quota.conflict", "\"A\" (#1), \"B\" (#2)",
				"@TOA#_a", 2, 3))
			.given(this.scheduler)
			.create(any());
		assertThat(
				Html.childTexts(html(post("CRON").param("cron", "0 0 9 * * ?").param("zone", "UTC")), "schedule-error"))
			.containsExactly("Together with \"A\" (#1), \"B\" (#2) and 2 more campaigns, this would be a third "
					+ "broadcast within an hour to the same official account (for example @TOA#_a). Move it.");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void noTargetsAreRefused() {
		assertThat(this.mvc.post()
			.uri("/campaigns")
			.with(csrf())
			.param("label", "No targets")
			.param("chatAppId", String.valueOf(APP))
			.param("versionId", String.valueOf(VERSION))
			.param("kind", "DAILY")
			.param("timeOfDay", "09:00")
			.param("zone", "Europe/Berlin")
			.param("lateMinutes", "15")).hasStatusOk()
			.bodyText()
			.contains("Choose at least one source: all accounts, a group, a tag or an account.");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void theMessagesSpeakTheReadersLanguage() {
		assertThat(post("ONCE").header("Accept-Language", "ja")
			.param("onceAt", "2020-01-01T10:00")
			.param("zone", "Asia/Tokyo")).hasStatusOk().bodyText().contains("選択したタイムゾーンではこの時刻はすでに過ぎています。");
		assertThat(post("CRON").header("Accept-Language", "zh-CN").param("cron", "nie").param("zone", "Asia/Shanghai"))
			.hasStatusOk()
			.bodyText()
			.contains("这不是有效的 Quartz cron 表达式");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aGoodFormBecomesACommandAndLeadsToTheNewCampaign() {
		given(this.scheduler.create(any())).willReturn(FormSubmission.Landed.created(42));
		LocalDateTime local = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
		assertThat(post("  Spring sale  ", "ONCE").param("onceAt", local.toString())
			.param("zone", "Asia/Shanghai")
			.param("tags", "north, south")).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/42");
		ArgumentCaptor<CampaignCommand> command = ArgumentCaptor.forClass(CampaignCommand.class);
		then(this.scheduler).should().create(command.capture());
		assertThat(command.getValue().label()).isEqualTo("Spring sale");
		assertThat(command.getValue().chatAppId()).isEqualTo(APP);
		assertThat(command.getValue().versionId()).isEqualTo(VERSION);
		assertThat(command.getValue().sources()).containsExactly(AudienceSource.tagged("north"),
				AudienceSource.tagged("south"), AudienceSource.account(ACCOUNT));
		assertThat(command.getValue().schedule())
			.isEqualTo(Schedule.once(local.atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")));
		assertThat(command.getValue().latePolicy()).isEqualTo(new LateFirePolicy(15));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void analystsMayReadButNotOpenTheEditorOrPostIt() {
		given(this.campaigns.list(any(), any())).willReturn(Page.empty());
		assertThat(this.mvc.get().uri("/campaigns")).hasStatusOk();
		assertThat(this.mvc.get().uri("/campaigns/new")).hasStatus(403);
		assertThat(post("DAILY").param("timeOfDay", "09:00").param("zone", "UTC")).hasStatus(403);
		then(this.scheduler).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void listFilterValuesThatCannotBeReadAreNamedAndLeftOut() throws Exception {
		given(this.campaigns.list(any(), any())).willReturn(Page.empty());
		MvcTestResult result = this.mvc.get().uri("/campaigns?status=BOGUS&app=abc&q=sale").exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Html.childTexts(html, "filter-ignored-values")).containsExactly("Status: \"BOGUS\"",
				"Chat app: \"abc\"");
		then(this.campaigns).should().list(new CampaignFilter(null, null, "sale", false), PageRequest.of(0, 50));
	}

	@Test
	void strangersAreSentToSignIn() {
		assertThat(this.mvc.get().uri("/campaigns/new")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aPostWithoutItsCsrfTokenIsRefused() {
		assertThat(this.mvc.post().uri("/campaigns").param("label", "No token")).hasStatus(403);
		then(this.scheduler).shouldHaveNoInteractions();
	}

	private MockMvcRequestBuilder post(String kind) {
		return post("Slice campaign", kind);
	}

	private MockMvcRequestBuilder post(String label, String kind) {
		return post("/campaigns", label, kind, "15");
	}

	private MockMvcRequestBuilder post(String uri, String label, String kind, String lateMinutes) {
		return this.mvc.post()
			.uri(uri)
			.with(csrf())
			.param("label", label)
			.param("chatAppId", String.valueOf(APP))
			.param("versionId", String.valueOf(VERSION))
			.param("accountIds", String.valueOf(ACCOUNT))
			.param("kind", kind)
			.param("lateMinutes", lateMinutes);
	}

	private static String html(MockMvcRequestBuilder request) throws UnsupportedEncodingException {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
