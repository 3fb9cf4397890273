package dev.herald.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Demo mode's history, written on a fresh simulator app inside a transaction that is
 * rolled back afterwards (the test database is shared). The pages read it through MockMvc
 * on the test's own thread, so they see it before any commit.
 */
@ApplicationTest
@Transactional
class DemoHistoryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private DemoHistory history;

	@Autowired
	private DemoData demoData;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	void ninetyDaysOfHistoryShowInTheReportsOnceHoweverOftenItRuns() throws Exception {
		ChatAppView app = this.fixtures.simulatorApp("Demo history", 0, 200).app();
		Map<LocalDate, Long> sendsBefore = sendsPerDay();

		assertThat(this.history.createOnce(app)).isTrue();

		Map<LocalDate, Long> sendsAfter = sendsPerDay();
		List<LocalDate> daysWithDemoSends = new ArrayList<>();
		sendsAfter.forEach((day, sends) -> {
			if (sends > sendsBefore.getOrDefault(day, 0L)) {
				daysWithDemoSends.add(day);
			}
		});
		LocalDate today = LocalDate.now(HistoryPlan.ZONE);
		assertThat(daysWithDemoSends).hasSize(90).startsWith(today.minusDays(90)).endsWith(today.minusDays(1));
		assertThat(errorCodesCharted()).contains(10010, 10016, 10017, 80001);
		assertThat(statuses(app)).containsKeys("SENT", "FAILED", "RECALLED", "RECALL_FAILED", "CANCELLED")
			.doesNotContainKeys("QUEUED", "SENDING", "IN_DOUBT");
		assertThat(count("select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id"
				+ " where d.chat_app_id = ? and a.kind = 'RECONCILE'", app.id()))
			.isPositive();
		assertThat(count("select count(*) from campaign_run r join campaign c on c.id = r.campaign_id"
				+ " where c.chat_app_id = ? and r.status = 'MISSED'", app.id()))
			.isEqualTo(1);
		long run = count("select max(id) from send_run where chat_app_id = ?", app.id());
		long campaign = count("select min(id) from campaign where chat_app_id = ?", app.id());
		this.mvc.perform(get("/reports/runs/" + run).with(user("analyst").roles("ANALYST"))).andExpect(status().isOk());
		this.mvc.perform(get("/reports/campaigns/" + campaign).with(user("analyst").roles("ANALYST")))
			.andExpect(status().isOk());
		assertThat(page("/audit?objectType=campaign&objectId=" + campaign, "ANALYST")).contains("Campaign fired");
		// Two campaigns to come, each with its Quartz trigger, for the calendar and the
		// dashboard.
		assertThat(count(
				"select count(*) from campaign c join qrtz_triggers t on t.trigger_name = 'campaign-' || c.id"
						+ " and t.trigger_group = 'campaign' where c.chat_app_id = ? and c.status = 'SCHEDULED'",
				app.id()))
			.isEqualTo(2);
		assertThat(page("/campaigns/calendar", "OPERATOR")).contains("Weekly digest");
		assertThat(page("/", "OPERATOR")).contains("id=\"report-charts\"");

		Map<String, Long> tables = tableSizes();
		assertThat(this.history.createOnce(app)).isFalse();
		assertThat(tableSizes()).isEqualTo(tables);
		assertThat(sendsPerDay()).isEqualTo(sendsAfter);
	}

	@Test
	void nothingIsCreatedOutsideDemoMode() throws Exception {
		// The test context runs with herald.demo=false.
		Map<String, Long> tables = tableSizes();

		this.demoData.run(null);

		assertThat(tableSizes()).isEqualTo(tables);
		assertThat(this.chatApps.all()).noneMatch((app) -> app.sdkAppId() == DemoData.SDK_APP_ID);
	}

	/** The charts' sends per day over 92 days, days in the campaigns' zone. */
	private Map<LocalDate, Long> sendsPerDay() throws Exception {
		JsonNode charts = charts();
		Map<LocalDate, Long> perDay = new LinkedHashMap<>();
		for (int i = 0; i < charts.get("days").size(); i++) {
			perDay.put(LocalDate.parse(charts.get("days").get(i).asString()), charts.get("sends").get(i).asLong());
		}
		return perDay;
	}

	private List<Integer> errorCodesCharted() throws Exception {
		List<Integer> codes = new ArrayList<>();
		charts().get("errors").forEach((error) -> codes.add(error.get("code").asInt()));
		return codes;
	}

	private JsonNode charts() throws Exception {
		String body = this.mvc
			.perform(get("/reports/charts?days=92").cookie(new Cookie("herald-tz", HistoryPlan.ZONE.getId()))
				.with(user("analyst").roles("ANALYST")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body);
	}

	private String page(String path, String role) throws Exception {
		return this.mvc.perform(get(path).with(user(role.toLowerCase()).roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Map<String, Long> statuses(ChatAppView app) {
		Map<String, Long> statuses = new LinkedHashMap<>();
		this.jdbc.sql("select status, count(*) from delivery where chat_app_id = ? group by status")
			.param(app.id())
			.query((rs) -> {
				statuses.put(rs.getString(1), rs.getLong(2));
			});
		return statuses;
	}

	private Map<String, Long> tableSizes() {
		Map<String, Long> sizes = new LinkedHashMap<>();
		for (String table : List.of("chat_app", "official_account", "draft", "draft_version", "draft_review",
				"campaign", "campaign_target", "campaign_run", "send_run", "delivery", "delivery_attempt", "oa_window",
				"audit_event")) {
			sizes.put(table, count("select count(*) from " + table));
		}
		return sizes;
	}

	private long count(String sql, Object... params) {
		Long value = this.jdbc.sql(sql).params(params).query(Long.class).single();
		return (value != null) ? value : 0;
	}

}
