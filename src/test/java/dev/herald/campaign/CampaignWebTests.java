package dev.herald.campaign;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import dev.herald.chatapp.ChatApps;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The editor over HTTP: bad input comes back with a clear message beside its field, good
 * input is scheduled, analysts read but cannot change.
 */
@ApplicationTest
class CampaignWebTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private MessageSource messages;

	private CampaignFixtures fixtures;

	private CampaignFixtures.App app;

	private long versionId;

	@BeforeEach
	void setUp() {
		this.fixtures = new CampaignFixtures(this.jdbc, this.chatApps, this.accounts);
		this.app = this.fixtures.app("Web", 2);
		this.versionId = this.fixtures.approvedVersion("Web test");
	}

	@Test
	void aOneOffInThePastIsRefused() {
		assertThat(post("ONCE").param("onceAt", "2020-01-01T10:00").param("zone", "Europe/Berlin")).hasStatusOk()
			.bodyText()
			.contains("This time has already passed in the chosen time zone.");
	}

	@Test
	void anInvalidCronIsRefused() {
		assertThat(post("CRON").param("cron", "every morning").param("zone", "Europe/Berlin")).hasStatusOk()
			.bodyText()
			.contains("This is not a valid Quartz cron expression");
	}

	@Test
	void anEndBeforeTheStartIsRefused() {
		assertThat(post("DAILY").param("timeOfDay", "09:00").param("endDate", "2021-05-01").param("zone", "UTC"))
			.hasStatusOk()
			.bodyText()
			.contains("The last day is before the first possible fire");
	}

	@Test
	void anUnknownZoneIsRefused() {
		assertThat(post("DAILY").param("timeOfDay", "09:00").param("zone", "Mars/Olympus_Mons")).hasStatusOk()
			.bodyText()
			.contains("Unknown time zone &quot;Mars/Olympus_Mons&quot;");
	}

	@Test
	void noTargetsAreRefused() {
		assertThat(this.mvc.post()
			.uri("/campaigns")
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("label", "No targets")
			.param("chatAppId", String.valueOf(this.app.id()))
			.param("versionId", String.valueOf(this.versionId))
			.param("kind", "DAILY")
			.param("timeOfDay", "09:00")
			.param("zone", "Europe/Berlin")
			.param("lateMinutes", "15")).hasStatusOk()
			.bodyText()
			.contains("Choose at least one source: all accounts, a group, a tag or an account.");
	}

	@Test
	void aForgedUnapprovedVersionIsRefused() {
		long unapproved = this.fixtures.unapprovedVersion("Forged");
		MockMvcRequestBuilder request = post("DAILY", unapproved).param("timeOfDay", "09:00").param("zone", "UTC");
		MvcTestResult result = this.mvc.perform(request);
		assertThat(result).hasStatusOk().bodyText().contains("This draft version is not approved");
	}

	@Test
	void aGoodCampaignIsScheduledAndShownToAnalystsWithoutButtons() {
		String at = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
			.plusDays(3)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
		MvcTestResult created = this.mvc.perform(post("ONCE").param("onceAt", at).param("zone", "Asia/Shanghai"));
		assertThat(created).hasStatus3xxRedirection();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(this.mvc.get().uri(location).with(user("an").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("Web campaign")
			.doesNotContain("id=\"pause-campaign\"");
		assertThat(this.mvc.post().uri(location + "/pause").with(user("an").roles("ANALYST")).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.get().uri(location).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("id=\"pause-campaign\"");
	}

	@Test
	void aRefusedActionNamesTheCampaignsStatusInTheViewersLanguage() {
		String at = LocalDateTime.now(ZoneId.of("UTC")).plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
		String location = this.mvc.perform(post("ONCE").param("onceAt", at).param("zone", "UTC"))
			.getResponse()
			.getRedirectedUrl();
		assertThat(this.mvc.post().uri(location + "/cancel").with(user("op").roles("OPERATOR")).with(csrf()))
			.hasStatus3xxRedirection();
		MvcTestResult refused = this.mvc
			.perform(this.mvc.post().uri(location + "/pause").with(user("op").roles("OPERATOR")).with(csrf()));
		assertThat(refused).flash().containsEntry("failure", "campaigns.action.refused");
		// The flash alert hands failure and failureArg to the message source, as here.
		Object[] arguments = { refused.getMvcResult().getFlashMap().get("failureArg") };
		assertThat(this.messages.getMessage("campaigns.action.refused", arguments, Locale.JAPANESE))
			.isEqualTo("キャンペーンが「中止」の間はできません。");
		assertThat(this.messages.getMessage("campaigns.action.refused", arguments, Locale.ENGLISH))
			.isEqualTo("Not possible while the campaign is Cancelled.");
	}

	@Test
	void previewShowsFiresAndPredictedFinish() {
		assertThat(this.mvc.perform(post("WEEKLY").uri("/campaigns/preview")
			.param("timeOfDay", "09:30")
			.param("days", "MONDAY", "THURSDAY")
			.param("zone", "America/New_York"))).hasStatusOk()
			.bodyText()
			.contains("id=\"plan-fires\"")
			.contains("No quota conflict.");
	}

	private MockMvcRequestBuilder post(String kind) {
		return post(kind, this.versionId);
	}

	private MockMvcRequestBuilder post(String kind, long version) {
		MockMvcRequestBuilder request = this.mvc.post()
			.uri("/campaigns")
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("label", "Web campaign")
			.param("chatAppId", String.valueOf(this.app.id()))
			.param("versionId", String.valueOf(version))
			.param("accountIds", String.valueOf(this.app.accountIds().get(0)))
			.param("kind", kind)
			.param("lateMinutes", "15");
		return request;
	}

}
