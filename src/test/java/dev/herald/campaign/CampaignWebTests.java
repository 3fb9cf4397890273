package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The campaign pages over HTTP against the database: what only the database can tell
 * (approved versions, the quota plan, the list and the calendar of stored campaigns),
 * good input scheduled, analysts reading without buttons. Form binding and its messages
 * are {@link CampaignFormTests}.
 */
@ApplicationTest
class CampaignWebTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MessageSource messages;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private CampaignScheduler scheduler;

	@Autowired
	private JdbcClient jdbc;

	private CampaignScene scene;

	@BeforeEach
	void setUp() {
		this.scene = CampaignScene.set(this.fixtures, "Web", 2);
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
		assertThat(this.mvc.post()
			.uri(location + "/cancel")
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")).hasStatus3xxRedirection();
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

	@Test
	void theListShowsFiftyCampaignsAPageNewestFirstAndItsPageLinksKeepTheFilter() throws Exception {
		String name = "Paged " + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 53; i++) {
			this.fixtures.completedCampaign(this.scene.appId(), name + " #" + i);
		}
		String filter = "/campaigns?status={status}&app={app}&q={q}";
		String first = listPage(filter, "COMPLETED", this.scene.appId(), name);
		assertThat(labels(first, name)).hasSize(50).startsWith(name + " #52").endsWith(name + " #3");
		assertThat(first).contains("Page 1 of 2 (53 campaigns)");
		assertThat(nextLink(first)).contains("status=COMPLETED", "app=" + this.scene.appId(), "q=" + name, "page=1");
		String second = listPage(filter + "&page=1", "COMPLETED", this.scene.appId(), name);
		assertThat(labels(second, name)).containsExactly(name + " #2", name + " #1", name + " #0");
		assertThat(second).contains("Page 2 of 2 (53 campaigns)");
		assertThat(labels(listPage(filter, "SCHEDULED", this.scene.appId(), name), name)).isEmpty();
	}

	@Test
	void theCalendarShowsTheFiresOfTheMonthAndCountsABusyAccountsBroadcastsInTheHour() throws Exception {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(12);
		Instant at = day.atTime(10, 5).toInstant(ZoneOffset.UTC);
		List<Long> shared = List.of(this.scene.accountIds().get(0));
		List<Long> other = List.of(this.scene.accountIds().get(1));
		long first = create("First of the hour", Schedule.once(at, ZoneOffset.UTC), shared);
		long second = create("Second of the hour", Schedule.once(at.plus(Duration.ofMinutes(30)), ZoneOffset.UTC),
				shared);
		long alone = create("Alone in the hour", Schedule.once(at.plus(Duration.ofMinutes(10)), ZoneOffset.UTC), other);
		long cancelled = create("Cancelled", Schedule.once(at.plus(Duration.ofMinutes(20)), ZoneOffset.UTC), other);
		this.scheduler.cancel(cancelled);
		long nextMonth = create("Next month", Schedule.once(at.plus(Duration.ofDays(40)), ZoneOffset.UTC), other);

		String calendar = this.mvc.get()
			.uri("/campaigns/calendar?date={day}&app={app}", day, this.scene.appId())
			.with(user("an").roles("ANALYST"))
			.cookie(new Cookie("herald-tz", "UTC"))
			.exchange()
			.getResponse()
			.getContentAsString();
		String cell = calendar.substring(calendar.indexOf("data-day=\"" + day + "\""));
		cell = cell.substring(0, cell.indexOf("</td>"));
		assertThat(fires(cell)).containsExactly(first + " 10:05 2", alone + " 10:15 1", second + " 10:35 2");
		assertThat(calendar).doesNotContain("data-campaign=\"" + cancelled + "\"")
			.doesNotContain("data-campaign=\"" + nextMonth + "\"");
	}

	private long create(String label, Schedule schedule, List<Long> accountIds) {
		return this.scheduler.create(this.scene.command(label, schedule, accountIds)).id();
	}

	/** The calendar fires in a day's cell: campaign, time and quota badge. */
	private static List<String> fires(String cell) {
		Matcher matcher = Pattern
			.compile("data-campaign=\"(\\d+)\">\\s*<span>([0-9:]+)</span>.*?class=\"badge[^\"]*\">(\\d+)/2",
					Pattern.DOTALL)
			.matcher(cell);
		return matcher.results().map((fire) -> fire.group(1) + " " + fire.group(2) + " " + fire.group(3)).toList();
	}

	private String listPage(String uri, Object... variables) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri, variables).with(user("an").roles("ANALYST")).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	private static List<String> labels(String page, String name) {
		String table = page.substring(page.indexOf("id=\"campaign-list\""), page.indexOf("</table>"));
		return Pattern.compile(">(" + Pattern.quote(name) + " #\\d+)</a>")
			.matcher(table)
			.results()
			.map((label) -> label.group(1))
			.toList();
	}

	private static String nextLink(String page) {
		Matcher matcher = Pattern.compile("id=\"campaigns-next\" href=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a link to the next page").isTrue();
		return matcher.group(1).replace("&amp;", "&").replace('+', ' ').replace("%20", " ");
	}

	@Test
	void editingADraftAScheduledCampaignSendsWarnsThatTheEditStartsANewVersion() {
		long draft = this.jdbc.sql("select draft_id from draft_version where id = ?")
			.param(this.scene.versionId())
			.query(Long.class)
			.single();
		String edit = "/drafts/" + draft + "/edit";
		assertThat(this.mvc.get().uri(edit).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.doesNotContain("id=\"draft-used-by\"");
		String at = LocalDateTime.now(ZoneId.of("UTC")).plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
		String location = this.mvc.perform(post("ONCE").param("onceAt", at).param("zone", "UTC"))
			.getResponse()
			.getRedirectedUrl();
		assertThat(this.mvc.get().uri(edit).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("id=\"draft-used-by\"")
			.contains("A campaign still to send uses a version of this draft.")
			.contains("Web campaign (sends version 1)")
			.contains("href=\"" + location + "\"");
		this.mvc.post()
			.uri(location + "/cancel")
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")
			.exchange();
		assertThat(this.mvc.get().uri(edit).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.as("a cancelled campaign sends nothing more")
			.doesNotContain("id=\"draft-used-by\"");
	}

	private MockMvcRequestBuilder post(String kind) {
		return post(kind, this.scene.versionId());
	}

	private MockMvcRequestBuilder post(String kind, long version) {
		return this.mvc.post()
			.uri("/campaigns")
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("label", "Web campaign")
			.param("chatAppId", String.valueOf(this.scene.appId()))
			.param("versionId", String.valueOf(version))
			.param("accountIds", String.valueOf(this.scene.accountIds().get(0)))
			.param("kind", kind)
			.param("lateMinutes", "15");
	}

}
