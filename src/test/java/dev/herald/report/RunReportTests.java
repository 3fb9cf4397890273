package dev.herald.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.shared.NotFoundException;
import dev.herald.shared.web.TimeFormat;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import jakarta.servlet.http.Cookie;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Run and campaign reports: counts, success rate, error codes, timeline, duration,
 * recalls, runs of a recurring campaign side by side, and campaigns named by their label.
 */
@ApplicationTest
class RunReportTests {

	private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

	@Autowired
	private SendReports reports;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private TimeFormat timeFormat;

	@Autowired
	private ReportFixtures fixtures;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Test
	void runReportCountsRatesErrorsTimelineDurationAndRecalls() {
		long app = this.fixtures.app("run");
		long campaign = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
		long run = this.fixtures.run(app, campaign, 1L, T0);
		for (int i = 0; i < 6; i++) {
			this.fixtures.row(run, app, "@TOA#_ok" + i, T0)
				.campaign(campaign)
				.attempts(1, T0.plusSeconds(10 * i), T0.plusSeconds(10 * i + 1))
				.insert();
		}
		this.fixtures.row(run, app, "@TOA#_f1", T0).campaign(campaign).failed(80002, "too long").insert();
		this.fixtures.row(run, app, "@TOA#_f2", T0).campaign(campaign).failed(80002, "too long").insert();
		this.fixtures.row(run, app, "@TOA#_f3", T0).campaign(campaign).failed(10004, "bad").insert();
		this.fixtures.row(run, app, "@TOA#_r1", T0)
			.campaign(campaign)
			.attempts(2, T0.plusSeconds(5), T0.plusSeconds(125))
			.recalled(0, T0.plusSeconds(600))
			.insert();
		this.fixtures.row(run, app, "@TOA#_r2", T0).campaign(campaign).recalled(20004, null).insert();
		this.fixtures.row(run, app, "@TOA#_q", T0).campaign(campaign).status("CANCELLED").insert();

		RunReport report = this.reports.run(run);
		Outcomes outcomes = report.outcomes();
		assertThat(outcomes.total()).isEqualTo(12);
		assertThat(outcomes.counts()).containsEntry("SENT", 6L)
			.containsEntry("FAILED", 3L)
			.containsEntry("RECALLED", 1L)
			.containsEntry("RECALL_FAILED", 1L)
			.containsEntry("CANCELLED", 1L)
			.containsEntry("QUEUED", 0L);
		assertThat(outcomes.delivered()).isEqualTo(8);
		assertThat(outcomes.successRate()).isCloseTo(100.0 * 8 / 11, Offset.offset(0.001));
		assertThat(outcomes.errors()).containsExactly(new Outcomes.CodeCount(80002, 2),
				new Outcomes.CodeCount(10004, 1));
		assertThat(outcomes.recallCodes()).containsExactly(new Outcomes.CodeCount(20004, 1));
		assertThat(outcomes.duration()).isEqualTo(Duration.ofSeconds(125));
		assertThat(report.timeline()).first().satisfies((minute) -> {
			assertThat(minute.minute()).isEqualTo(T0);
			assertThat(minute.sends()).isEqualTo(12);
		});

		assertThat(this.mvc.get().uri("/reports/runs/" + run).with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("80002")
			.contains("chart-run-timeline");
	}

	@Test
	void campaignReportComparesItsRuns() {
		long app = this.fixtures.app("campaign");
		long campaign = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
		long first = this.fixtures.run(app, campaign, 1L, T0);
		long second = this.fixtures.run(app, campaign, 2L, T0.plus(Duration.ofDays(1)));
		this.fixtures.row(first, app, "@TOA#_a", T0).campaign(campaign).insert();
		this.fixtures.row(first, app, "@TOA#_b", T0).campaign(campaign).failed(80002, "x").insert();
		this.fixtures.row(second, app, "@TOA#_a", T0.plus(Duration.ofDays(1))).campaign(campaign).insert();
		this.fixtures.row(second, app, "@TOA#_b", T0.plus(Duration.ofDays(1))).campaign(campaign).insert();

		CampaignReport report = this.reports.campaign(campaign);
		assertThat(report.runs()).extracting(RunSummary::runId).containsExactly(first, second);
		assertThat(report.runs()).extracting(RunSummary::successRate).containsExactly(50.0, 100.0);
		assertThat(report.outcomes().total()).isEqualTo(4);
		assertThat(report.label()).as("deliveries name a campaign that has no row").isNull();
		assertThat(this.mvc.get().uri("/reports/campaigns/" + campaign).with(user("op").roles("OPERATOR")))
			.hasStatusOk()
			.bodyText()
			.contains("campaign-runs")
			.as("the title without a label, the id without grouping")
			.contains("Campaign #" + campaign + "</h1>");
	}

	@Test
	void campaignsAreNamedByTheirLabelWhereverReportsShowThem() {
		long app = this.fixtures.app("label");
		String label = "Spring sale " + ThreadLocalRandom.current().nextInt(1_000_000);
		long campaign = this.campaignFixtures.completedCampaign(app, label);
		Instant now = Instant.now();
		long run = this.fixtures.run(app, campaign, 1L, now);
		this.fixtures.row(run, app, "@TOA#_label", now).campaign(campaign).insert();
		long oneOff = this.fixtures.run(app, null, null, now.plusMillis(1));
		this.fixtures.row(oneOff, app, "@TOA#_label", now.plusMillis(1)).insert();

		assertThat(this.reports.run(run).campaignLabel()).isEqualTo(label);
		assertThat(this.reports.run(oneOff).campaignLabel()).isNull();
		assertThat(this.reports.campaign(campaign).label()).isEqualTo(label);
		assertThat(this.reports.recentRuns(ReportController.RECENT_RUNS)).filteredOn((recent) -> recent.id() == run)
			.singleElement()
			.satisfies((recent) -> assertThat(recent.campaignLabel()).isEqualTo(label));
		assertThat(this.reports.recentRuns(ReportController.RECENT_RUNS)).filteredOn((recent) -> recent.id() == oneOff)
			.singleElement()
			.satisfies((recent) -> assertThat(recent.campaignLabel()).isNull());

		assertThat(this.mvc.get().uri("/reports").with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains(">" + label + "</div>");
		assertThat(this.mvc.get().uri("/reports/runs/" + run).with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("id=\"run-campaign-label\">" + label + "</span>");
		assertThat(this.mvc.get().uri("/reports/runs/" + oneOff).with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.doesNotContain("run-campaign-label")
			.contains("One-off send");
		assertThat(this.mvc.get().uri("/reports/campaigns/" + campaign).with(user("analyst").roles("ANALYST")))
			.hasStatusOk()
			.bodyText()
			.contains("<title>Campaign \u201c" + label + "\u201d (#" + campaign + ")</title>")
			.contains("Campaign \u201c" + label + "\u201d (#" + campaign + ")</h1>");
		assertThat(this.mvc.get()
			.uri("/reports/campaigns/" + campaign)
			.locale(Locale.JAPANESE)
			.with(user("analyst").roles("ANALYST"))).bodyText()
			.contains("キャンペーン「" + label + "」（#" + campaign + "）</h1>");
	}

	@Test
	void unknownRunsAndCampaignsAreNotFound() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.reports.run(987654321L));
		assertThat(this.mvc.get().uri("/reports/campaigns/987654321").with(user("analyst").roles("ANALYST")))
			.hasStatus(404);
	}

	@Test
	void sendsPerDayCountOnlyDeliveriesThatWereSent() {
		// A day no other test writes to: the count covers every app.
		Instant day = Instant.parse("2031-07-15T10:00:00Z");
		long app = this.fixtures.app("sent-only");
		long run = this.fixtures.run(app, null, null, day);
		this.fixtures.row(run, app, "@TOA#_s1", day).insert();
		this.fixtures.row(run, app, "@TOA#_s2", day).failed(80002, "too long").insert();
		for (int i = 0; i < 3; i++) {
			this.fixtures.row(run, app, "@TOA#_c" + i, day).status("CANCELLED").insert();
		}
		this.fixtures.row(run, app, "@TOA#_q", day).status("QUEUED").insert();
		assertThat(this.reports.sendsPerDay(day.minusSeconds(3600), day.plusSeconds(3600), ZoneOffset.UTC))
			.containsExactly(entry(LocalDate.parse("2031-07-15"), 2L));
	}

	@Test
	void theRunReportAndTheSendHistoryShowUntilWhenSentMessagesCanBeRecalled() {
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
		long app = this.fixtures.app("recall-window");
		long run = this.fixtures.run(app, null, null, now.minus(Duration.ofDays(8)));
		Instant oldSent = now.minus(Duration.ofDays(8));
		Instant lastSent = now.minus(Duration.ofDays(2));
		this.fixtures.row(run, app, "@TOA#_old", oldSent).insert();
		long recent = this.fixtures.row(run, app, "@TOA#_recent", lastSent).insert();
		this.fixtures.row(run, app, "@TOA#_gone", oldSent).recalled(0, now).insert();
		// The app keeps 7 days of history (the default).
		Instant oldUntil = oldSent.plus(Duration.ofDays(7));
		Instant lastUntil = lastSent.plus(Duration.ofDays(7));

		assertThat(this.mvc.get()
			.uri("/reports/runs/" + run)
			.cookie(new Cookie("herald-tz", tokyo.getId()))
			.with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("Partly recallable until " + this.timeFormat.dateTimeWithZone(lastUntil, tokyo)
					+ ": the first messages passed their deadline on "
					+ this.timeFormat.dateTimeWithZone(oldUntil, tokyo));
		assertThat(this.mvc.get()
			.uri("/reports/deliveries?run=" + run)
			.cookie(new Cookie("herald-tz", tokyo.getId()))
			.with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("Past the recall window since " + this.timeFormat.dateTime(oldUntil, tokyo))
			.contains("Recallable until " + this.timeFormat.dateTime(lastUntil, tokyo))
			.containsOnlyOnce("recallable-until")
			.containsOnlyOnce("recall-closed");

		this.jdbc.sql("update delivery set status = 'RECALLED' where id = ?").param(recent).update();
		assertThat(this.mvc.get().uri("/reports/runs/" + run).with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("Past the recall window since")
			.contains("keeps message history for 7 days");
	}

}
