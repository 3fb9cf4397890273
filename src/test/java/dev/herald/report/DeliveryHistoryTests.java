package dev.herald.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The send history's filters, time zones, keyset paging and campaign labels against real
 * rows.
 */
@ApplicationTest
class DeliveryHistoryTests {

	private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

	@Autowired
	private DeliveryHistory history;

	@Autowired
	private SendReports reports;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Autowired
	private ReportFixtures fixtures;

	@Test
	void filtersByAppStatusErrorCodeAccountCampaignRunAndMsgKeyPrefix() {
		long app = this.fixtures.app("filters");
		long otherApp = this.fixtures.app("filters-other");
		long run = this.fixtures.run(app, 7001L, 1L, T0);
		long otherRun = this.fixtures.run(app, 7002L, 1L, T0);
		long sent = this.fixtures.row(run, app, "@TOA#_a", T0).campaign(7001).msgKey("MSGKEY-abc-1").insert();
		long failed = this.fixtures.row(run, app, "@TOA#_b", T0.plusSeconds(1))
			.campaign(7001)
			.failed(80002, "body too long")
			.insert();
		long otherCampaign = this.fixtures.row(otherRun, app, "@TOA#_a", T0.plusSeconds(2))
			.campaign(7002)
			.msgKey("MSGKEY-abd-2")
			.insert();
		long elsewhere = this.fixtures.row(this.fixtures.run(otherApp, null, null, T0), otherApp, "@TOA#_a", T0)
			.insert();

		assertThat(ids(query(app, null, null, null, null, null, List.of(), null))).containsExactly(otherCampaign,
				failed, sent);
		assertThat(ids(query(otherApp, null, null, null, null, null, List.of(), null))).containsExactly(elsewhere);
		assertThat(ids(query(app, null, null, null, null, null, List.of("FAILED"), null))).containsExactly(failed);
		assertThat(ids(query(app, null, null, null, null, null, List.of("FAILED", "SENT"), null)))
			.containsExactly(otherCampaign, failed, sent);
		assertThat(ids(query(app, null, null, null, null, null, List.of("NOT_A_STATUS"), null)))
			.as("unknown statuses are ignored")
			.hasSize(3);
		assertThat(ids(query(app, null, null, null, null, 80002, List.of(), null))).containsExactly(failed);
		assertThat(ids(query(app, "@TOA#_a", null, null, null, null, List.of(), null))).containsExactly(otherCampaign,
				sent);
		assertThat(ids(query(app, null, 7001L, null, null, null, List.of(), null))).containsExactly(failed, sent);
		assertThat(ids(query(app, null, null, otherRun, null, null, List.of(), null))).containsExactly(otherCampaign);
		assertThat(ids(query(app, null, null, null, "MSGKEY-ab", null, List.of(), null))).containsExactly(otherCampaign,
				sent);
		assertThat(ids(query(app, null, null, null, "MSGKEY-abc", null, List.of(), null))).containsExactly(sent);
		assertThat(ids(query(app, null, null, null, "MSGKEY-a_c", null, List.of(), null)))
			.as("LIKE wildcards in the search are literal")
			.isEmpty();

		DeliveryLine line = this.history.page(query(app, null, null, null, null, 80002, List.of(), null), 10)
			.rows()
			.get(0);
		assertThat(line.appName()).startsWith("filters-");
		assertThat(line.errorInfo()).isEqualTo("body too long");
		assertThat(line.campaignId()).isEqualTo(7001L);
	}

	@Test
	void aDeliveryAt2330UtcBelongsToTheNextDayInShanghai() {
		long app = this.fixtures.app("zone");
		long run = this.fixtures.run(app, null, null, Instant.parse("2026-04-01T23:30:00Z"));
		long late = this.fixtures.row(run, app, "@TOA#_late", Instant.parse("2026-04-01T23:30:00Z")).insert();
		long early = this.fixtures.row(run, app, "@TOA#_early", Instant.parse("2026-04-01T15:59:59Z")).insert();

		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(ids(day(app, LocalDate.parse("2026-04-02"), shanghai))).containsExactly(late);
		assertThat(ids(day(app, LocalDate.parse("2026-04-01"), shanghai))).containsExactly(early);
		assertThat(ids(day(app, LocalDate.parse("2026-04-01"), ZoneOffset.UTC))).containsExactly(late, early);

		Map<LocalDate, Long> perDay = this.reports.sendsPerDay(Instant.parse("2026-04-01T23:00:00Z"),
				Instant.parse("2026-04-02T00:00:00Z"), shanghai);
		assertThat(perDay).containsKey(LocalDate.parse("2026-04-02")).doesNotContainKey(LocalDate.parse("2026-04-01"));
	}

	@Test
	void keysetPagesLoseAndRepeatNothingWhileNewRowsArrive() {
		for (boolean ascending : new boolean[] { false, true }) {
			long app = this.fixtures.app("paging");
			long run = this.fixtures.run(app, null, null, T0);
			Set<Long> expected = new HashSet<>();
			// Ties on created_at across page boundaries, as a bulk insert produces.
			for (int i = 0; i < 25; i++) {
				expected.add(this.fixtures.row(run, app, "@TOA#_p" + i, T0.plusSeconds(i / 4)).insert());
			}
			HistoryQuery query = new HistoryQuery(null, null, app, null, null, null, List.of(), null, null, ascending,
					null);
			List<Long> seen = new ArrayList<>();
			HistoryPage page = this.history.page(query, 4);
			int arrivals = 0;
			while (true) {
				seen.addAll(ids(page));
				// A new run starts between two page requests.
				long newRun = this.fixtures.run(app, null, null, T0.plusSeconds(3600 + arrivals));
				this.fixtures.row(newRun, app, "@TOA#_new" + arrivals, T0.plusSeconds(3600 + arrivals)).insert();
				arrivals++;
				if (page.next() == null) {
					break;
				}
				page = this.history.page(query.after(page.next()), 4);
			}
			assertThat(seen).as("ascending=%s", ascending).doesNotHaveDuplicates();
			assertThat(seen).as("ascending=%s", ascending).containsAll(expected);
			if (!ascending) {
				// Newest first: rows that arrive later are newer than page one; none leak
				// in.
				assertThat(seen).hasSize(expected.size());
			}
		}
	}

	@Test
	void rowsOfACampaignCarryItsLabelOnPagesInExportsAndOnScreen() {
		long app = this.fixtures.app("labels");
		String label = "Autumn news " + UUID.randomUUID().toString().substring(0, 8);
		long campaign = this.campaignFixtures.completedCampaign(app, label);
		long run = this.fixtures.run(app, campaign, 1L, T0);
		long labelled = this.fixtures.row(run, app, "@TOA#_c", T0).campaign(campaign).insert();
		long oneOff = this.fixtures.row(this.fixtures.run(app, null, null, T0), app, "@TOA#_c", T0.plusSeconds(1))
			.insert();
		long unknown = this.fixtures.row(this.fixtures.run(app, 7003L, 1L, T0), app, "@TOA#_c", T0.plusSeconds(2))
			.campaign(7003)
			.insert();
		HistoryQuery query = query(app, null, null, null, null, null, List.of(), null);

		Map<Long, String> onPage = new HashMap<>();
		this.history.page(query, 10).rows().forEach((line) -> onPage.put(line.id(), line.campaignLabel()));
		assertThat(onPage).containsOnlyKeys(labelled, oneOff, unknown)
			.containsEntry(labelled, label)
			.as("one-off sends and campaigns without a row have no label")
			.containsEntry(oneOff, null)
			.containsEntry(unknown, null);
		Map<Long, String> exported = new HashMap<>();
		this.history.forEach(query, (line) -> exported.put(line.id(), line.campaignLabel()));
		assertThat(exported).isEqualTo(onPage);

		assertThat(this.mvc.get().uri("/reports/deliveries?app=" + app).with(user("analyst").roles("ANALYST")))
			.hasStatusOk()
			.bodyText()
			.contains("href=\"/reports/campaigns/" + campaign + "\">#" + campaign + "</a>")
			.contains(">" + label + "</div>")
			.contains("href=\"/reports/campaigns/7003\">#7003</a>");
	}

	@Test
	void anHtmxRequestGetsTheResultsOnlyAndAHistoryRestoreTheWholePage() {
		long app = this.fixtures.app("htmx");
		this.fixtures.row(this.fixtures.run(app, null, null, T0), app, "@TOA#_htmx", T0).insert();
		String uri = "/reports/deliveries?app=" + app;
		assertThat(this.mvc.get().uri(uri).with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("id=\"history-filter\"", "@TOA#_htmx");
		MvcTestResult swap = this.mvc.get()
			.uri(uri)
			.header("HX-Request", "true")
			.with(user("analyst").roles("ANALYST"))
			.exchange();
		assertThat(swap).hasStatusOk()
			.bodyText()
			.contains("id=\"results\"", "@TOA#_htmx")
			.doesNotContain("history-filter");
		assertThat(swap.getResponse().getHeaders("Vary")).contains("HX-Request");
		assertThat(this.mvc.get()
			.uri(uri)
			.header("HX-Request", "true")
			.header("HX-History-Restore-Request", "true")
			.with(user("analyst").roles("ANALYST"))).hasStatusOk().bodyText().contains("id=\"history-filter\"");
	}

	@Test
	void timesAreShownInTheZoneTheBrowserReportedElseTheServers() {
		long app = this.fixtures.app("viewer-zone");
		this.fixtures.row(this.fixtures.run(app, null, null, T0), app, "@TOA#_zone", T0).insert();
		String uri = "/reports/deliveries?app=" + app;
		assertThat(this.mvc.get()
			.uri(uri)
			.cookie(new Cookie("herald-tz", "Asia%2FTokyo"))
			.with(user("analyst").roles("ANALYST"))).bodyText().contains("Times in Asia/Tokyo", "2026-03-10 17:00:00");
		assertThat(this.mvc.get()
			.uri(uri)
			.cookie(new Cookie("herald-tz", "Mars%2FOlympus"))
			.with(user("analyst").roles("ANALYST"))).bodyText().contains("Times in " + ZoneId.systemDefault().getId());
	}

	@Test
	void malformedCursorsShowTheFirstPage() {
		assertThat(Cursor.parse("garbage")).isNull();
		assertThat(Cursor.parse("12_")).isNull();
		assertThat(Cursor.parse(null)).isNull();
		Cursor cursor = new Cursor(Instant.parse("2026-03-10T08:00:00.123456Z"), 42);
		assertThat(Cursor.parse(cursor.token())).isEqualTo(cursor);
	}

	private HistoryQuery query(long app, String account, Long campaign, Long run, String msgKey, Integer code,
			List<String> statuses, Cursor after) {
		return new HistoryQuery(null, null, app, account, campaign, run, statuses, code, msgKey, false, after);
	}

	private HistoryQuery day(long app, LocalDate day, ZoneId zone) {
		HistoryForm form = new HistoryForm();
		form.setApp(app);
		form.setFrom(day);
		form.setTo(day);
		return form.toQuery(zone);
	}

	private List<Long> ids(HistoryQuery query) {
		return ids(this.history.page(query, 100));
	}

	private static List<Long> ids(HistoryPage page) {
		return page.rows().stream().map(DeliveryLine::id).toList();
	}

}
