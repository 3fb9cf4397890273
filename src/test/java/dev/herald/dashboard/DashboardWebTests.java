package dev.herald.dashboard;

import java.util.UUID;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The dashboard's panels: the running and upcoming ones refresh themselves.
 */
@ApplicationTest
class DashboardWebTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theRunningAndUpcomingPanelsRefreshThemselves() throws Exception {
		String label = "Dashboard running " + UUID.randomUUID().toString().substring(0, 8);
		long campaign = this.fixtures.completedCampaign(this.fixtures.app("Dashboard", 1).id(), label);
		String dashboard = dashboard(user("op").roles("OPERATOR")).replaceAll("\\s+", " ");
		assertThat(dashboard)
			.contains("id=\"dashboard-running\" data-live-poll data-hx-get=\"/dashboard/running\""
					+ " data-hx-trigger=\"every 5s, visibilitychange from:document\" data-hx-swap=\"outerHTML\"")
			.contains("id=\"dashboard-upcoming\" data-live-poll data-hx-get=\"/dashboard/upcoming\"");

		this.jdbc.sql("update campaign set status = 'RUNNING' where id = :id").param("id", campaign).update();
		String running = this.mvc.get()
			.uri("/dashboard/running")
			.with(user("an").roles("ANALYST"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(running).startsWith("<div class=\"card h-100\" id=\"dashboard-running\"")
			.contains("data-hx-trigger=\"every 5s")
			.contains(label)
			.doesNotContain("<html");
		assertThat(this.mvc.get().uri("/dashboard/upcoming").with(user("ed").roles("EDITOR"))).hasStatusOk()
			.bodyText()
			.contains("id=\"dashboard-upcoming\"");
		this.jdbc.sql("update campaign set status = 'COMPLETED' where id = :id").param("id", campaign).update();
	}

	private String dashboard(org.springframework.test.web.servlet.request.RequestPostProcessor user) throws Exception {
		return this.mvc.get().uri("/").with(user).exchange().getResponse().getContentAsString();
	}

}
