package dev.herald.campaign;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The campaign pages that follow their campaigns: the campaign page's poll (which runs it
 * reads, when it stops, what it sends back), and the list's last run outcome. States are
 * written straight into the tables, with no Quartz trigger behind them, so nothing fires
 * under the test.
 */
@ApplicationTest
class CampaignLiveWebTests {

	private static final Pattern POLLER = Pattern.compile("<div id=\"campaign-live\"[^>]*>");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private JdbcClient jdbc;

	private long appId;

	@BeforeEach
	void setUp() {
		this.appId = this.fixtures.app("Live", 2).id();
	}

	@Test
	void thePageFollowsACampaignOnlyWhileAFireIsDueOrARunSends() {
		long id = this.fixtures.completedCampaign(this.appId, "Live due");
		assertThat(poller(page(id))).doesNotContain("data-hx-get");

		Instant now = Instant.now();
		scheduleAt(id, now.plus(Duration.ofDays(3)));
		assertThat(poller(page(id))).doesNotContain("data-hx-get");
		scheduleAt(id, now.minus(Duration.ofHours(1)));
		assertThat(poller(page(id))).as("a fire overdue for an hour").doesNotContain("data-hx-get");

		scheduleAt(id, now.plus(Duration.ofMinutes(1)));
		assertThat(poller(page(id)))
			.contains("data-hx-get=\"/campaigns/" + id + "/live?from=0&amp;status=SCHEDULED&amp;shown=0\"")
			.contains("data-hx-trigger=\"every 2s, visibilitychange from:document\"");
		// Asked with the status it shows, the poll answers with the runs and keeps
		// polling,
		// without the parts that did not move.
		String answer = live(id, 0, "SCHEDULED");
		assertThat(poller(answer)).contains("data-hx-get");
		assertThat(answer).contains("<tbody id=\"campaign-runs-live\" data-hx-swap-oob=\"true\">")
			.contains("No run yet.")
			.doesNotContain("id=\"campaign-state\"");
	}

	@Test
	void thePollReadsOnlyTheRunsThatMayChangeAndStopsWithTheNewStatusAndButtonsOnceTheyEnd() {
		long id = this.fixtures.completedCampaign(this.appId, "Live running");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long old = run(id, now.minus(Duration.ofDays(2)), "COMPLETED", 2, 0);
		long older = run(id, now.minus(Duration.ofDays(3)), "COMPLETED_WITH_FAILURES", 1, 1);
		this.jdbc.sql("update campaign set status = 'RUNNING' where id = :id").param("id", id).update();
		long running = run(id, now, "RUNNING", 0, 0, 2);

		String page = page(id);
		assertThat(poller(page))
			.contains("data-hx-get=\"/campaigns/" + id + "/live?from=" + running + "&amp;status=RUNNING&amp;shown=0\"");
		assertThat(page).contains("id=\"campaign-run-" + old + "\"", "id=\"campaign-run-" + older + "\"");

		String sending = live(id, running, "RUNNING");
		assertThat(poller(sending)).contains("data-hx-get");
		assertThat(sending).contains("id=\"campaign-run-" + running + "\" data-status=\"RUNNING\"")
			.doesNotContain("campaign-run-" + old)
			.doesNotContain("id=\"campaign-state\"");

		this.jdbc
			.sql("""
					update campaign_run set status = 'COMPLETED', sent = 2, failed = 0, finished_at = :now where id = :id""")
			.param("id", running)
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc.sql("update campaign set status = 'COMPLETED' where id = :id").param("id", id).update();
		String done = live(id, running, "RUNNING");
		assertThat(poller(done)).doesNotContain("data-hx-get");
		assertThat(done).contains("id=\"campaign-run-" + running + "\" data-status=\"COMPLETED\"")
			.contains("2 sent, 0 failed of 2")
			.contains("<div id=\"campaign-state\"")
			.contains("<span class=\"badge text-bg-secondary\" id=\"campaign-status\">Completed</span>")
			.contains("id=\"archive-campaign\"")
			.doesNotContain("id=\"cancel-campaign\"")
			.doesNotContain("id=\"pause-campaign\"")
			.contains("<ul id=\"next-fires\" data-hx-swap-oob=\"true\">")
			.contains("id=\"campaign-recall-window\"");
		// An analyst follows the same campaign and gets no buttons.
		assertThat(this.mvc.get()
			.uri("/campaigns/{id}/live?from={from}&status=RUNNING", id, running)
			.with(user("an").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains("id=\"campaign-status\">Completed<")
			.doesNotContain("id=\"archive-campaign\"");
	}

	@Test
	void thePollOfAnUnknownCampaignIsNotFound() {
		assertThat(this.mvc.get().uri("/campaigns/{id}/live", Long.MAX_VALUE).with(user("op").roles("OPERATOR")))
			.hasStatus(404);
	}

	@Test
	void theListShowsEachCampaignsLastRunOutcomeWithItsCounts() {
		String name = "Outcome " + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long failing = this.fixtures.completedCampaign(this.appId, name + " failing");
		run(failing, now.minus(Duration.ofDays(2)), "COMPLETED", 6, 0);
		run(failing, now.minus(Duration.ofHours(1)), "COMPLETED_WITH_FAILURES", 5, 1);
		long sending = this.fixtures.completedCampaign(this.appId, name + " sending");
		run(sending, now, "RUNNING", 0, 0);
		long missed = this.fixtures.completedCampaign(this.appId, name + " missed");
		run(missed, now, "MISSED", 0, 0);
		this.fixtures.completedCampaign(this.appId, name + " never");

		String list = html(this.mvc.get().uri("/campaigns?q={q}", name).with(user("an").roles("ANALYST")));
		assertThat(lastRun(list, failing)).contains("<span class=\"last-run-status\">Completed with failures</span>")
			.contains("5 sent, 1 failed of 6")
			.contains("<time class=\"d-block small text-body-secondary\" datetime=\"");
		assertThat(lastRun(list, sending)).contains("Running").doesNotContain("sent,");
		assertThat(lastRun(list, missed)).contains("Missed").doesNotContain("sent,");
		assertThat(list).contains("No run yet.");
	}

	private String page(long id) {
		return html(this.mvc.get().uri("/campaigns/{id}", id).with(user("op").roles("OPERATOR")));
	}

	private String live(long id, long from, String status) {
		return html(this.mvc.get()
			.uri("/campaigns/{id}/live?from={from}&status={status}&shown=0", id, from, status)
			.with(user("op").roles("OPERATOR")));
	}

	private static String html(MockMvcRequestBuilder request) {
		try {
			return request.exchange().getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String poller(String html) {
		Matcher matcher = POLLER.matcher(html);
		assertThat(matcher.find()).as("the page's poller").isTrue();
		return matcher.group();
	}

	/** The list's "last run" cell of a campaign's row. */
	private static String lastRun(String list, long campaignId) {
		int row = list.indexOf("href=\"/campaigns/" + campaignId + "\"");
		assertThat(row).as("row of campaign " + campaignId).isPositive();
		int cell = list.indexOf("<td class=\"campaign-last-run\">", row);
		return list.substring(cell, list.indexOf("</td>", cell));
	}

	private void scheduleAt(long campaignId, Instant next) {
		this.jdbc.sql("update campaign set status = 'SCHEDULED', next_fire_at = :next where id = :id")
			.param("id", campaignId)
			.param("next", Timestamp.from(next))
			.update();
	}

	private long run(long campaignId, Instant at, String status, long sent, long failed) {
		return run(campaignId, at, status, sent, failed, (int) Math.max(1, sent + failed));
	}

	private long run(long campaignId, Instant at, String status, long sent, long failed, int targets) {
		return this.jdbc.sql("""
				insert into campaign_run (campaign_id, scheduled_for, fired_at, status, target_count, sent, failed,
				  finished_at)
				values (:campaign, :at, :at, :status, :targets, :sent, :failed,
				  case when :status = 'RUNNING' then null else cast(:at as timestamptz) end)
				returning id""")
			.param("campaign", campaignId)
			.param("at", Timestamp.from(at))
			.param("status", status)
			.param("targets", targets)
			.param("sent", sent)
			.param("failed", failed)
			.query(Long.class)
			.single();
	}

}
