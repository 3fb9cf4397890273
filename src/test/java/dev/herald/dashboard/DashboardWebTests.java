package dev.herald.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The dashboard's panels: the running and upcoming ones refresh themselves, and an
 * editor's lists the drafts others submitted for review.
 */
@ApplicationTest
class DashboardWebTests {

	// Before every draft other tests make: the test's drafts wait longest, so they are
	// listed.
	private static final Instant LONG_AGO = Instant.parse("2001-02-03T04:05:06Z");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anEditorSeesTheDraftsOthersSubmittedForReviewAndNoOneElseSeesThePanel() throws Exception {
		String editor = "editor-" + UUID.randomUUID().toString().substring(0, 8);
		String word = UUID.randomUUID().toString().substring(0, 8);
		long others = draft("Waiting " + word, "IN_REVIEW", "someone", "someone", null);
		long own = draft("Own " + word, "IN_REVIEW", editor, editor, null);
		long editedLast = draft("Edited " + word, "IN_REVIEW", "someone", editor, null);
		long archived = draft("Archived " + word, "IN_REVIEW", "someone", "someone", LONG_AGO);
		long notSubmitted = draft("Unsubmitted " + word, "DRAFT", "someone", "someone", null);

		String dashboard = dashboard(user(editor).roles("EDITOR"));
		assertThat(dashboard).contains("id=\"dashboard-reviews\"")
			.contains("href=\"/drafts/" + others + "/review\"")
			.contains("Waiting " + word)
			.contains("version 1 by someone")
			.contains("href=\"/drafts/review\"");
		for (long hidden : new long[] { own, editedLast, archived, notSubmitted }) {
			assertThat(dashboard).doesNotContain("href=\"/drafts/" + hidden + "/review\"");
		}
		// An admin may review too (the role hierarchy); operators and analysts may not.
		assertThat(dashboard(user("admin-" + word).roles("ADMIN"))).contains("href=\"/drafts/" + others + "/review\"");
		assertThat(dashboard(user("op-" + word).roles("OPERATOR"))).doesNotContain("dashboard-reviews");
		assertThat(dashboard(user("an-" + word).roles("ANALYST"))).doesNotContain("dashboard-reviews");
	}

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

	private long draft(String title, String status, String author, String lastEditor, @Nullable Instant archivedAt) {
		return this.jdbc.sql("""
				insert into draft (title, status, author, last_editor, current_version, created_at, updated_at,
				  archived_at)
				values (:title, :status, :author, :editor, 1, :at, :at, :archived) returning id""")
			.param("title", title)
			.param("status", status)
			.param("author", author)
			.param("editor", lastEditor)
			.param("at", Timestamp.from(LONG_AGO))
			.param("archived", (archivedAt != null) ? Timestamp.from(archivedAt) : null)
			.query(Long.class)
			.single();
	}

}
