package dev.herald.campaign;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.audit.AuditEntry;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Two operators edit one campaign: the second save comes back with what was typed, who
 * changed the campaign and which fields changed in between, and goes on by saving on top
 * or merging by hand.
 */
@ApplicationTest
class CampaignEditConflictTests {

	private static final Pattern BASELINE = Pattern.compile("name=\"baseline\" value=\"([^\"]*)\"");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private Campaigns campaigns;

	private CampaignScene scene;

	private long id;

	private String onceAt;

	/** Olga's edit form, opened before Pete saved. */
	private long openedLock;

	private String openedBaseline;

	@BeforeEach
	void bothOpenTheCampaignAndPeteSavesFirst() throws Exception {
		this.scene = CampaignScene.set(this.fixtures, "Conflict", 2);
		this.onceAt = LocalDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
		MvcTestResult created = this.mvc.perform(form(this.mvc.post().uri("/campaigns"), "olga", "Summer launch", 15));
		assertThat(created).hasStatus3xxRedirection();
		this.id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		MvcTestResult edit = this.mvc.get()
			.uri("/campaigns/" + this.id + "/edit")
			.with(user("olga").roles("OPERATOR"))
			.exchange();
		assertThat(edit).hasStatusOk();
		Matcher baseline = BASELINE.matcher(edit.getResponse().getContentAsString());
		assertThat(baseline.find()).as("the edit form carries its baseline").isTrue();
		this.openedBaseline = baseline.group(1);
		this.openedLock = this.campaigns.detail(this.id).version();

		assertThat(
				this.mvc.perform(form(this.mvc.post().uri("/campaigns/" + this.id), "pete", "Summer launch, final", 30)
					.param("version", String.valueOf(this.openedLock))))
			.hasStatus3xxRedirection();
	}

	@Test
	void theStaleSaveKeepsTheInputAndShowsWhoChangedWhichFields() {
		MvcTestResult result = this.mvc.perform(olgasSave("Olga's label", "save"));

		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("id=\"edit-conflict\"", "value=\"Olga&#39;s label\"")
			.contains("pete", "Campaign rescheduled")
			// the fields Pete changed, before and after
			.contains("<del>Summer launch</del>", "<ins>Summer launch, final</ins>", "<del>15</del>", "<ins>30</ins>")
			.contains("name=\"conflictVersion\" value=\"" + currentLock() + "\"");
		assertThat(this.campaigns.detail(this.id).label()).isEqualTo("Summer launch, final");
	}

	@Test
	void saveMineOnTopOverwritesKnowinglyAndIsAudited() {
		MvcTestResult result = this.mvc
			.perform(olgasSave("Olga's label", "overwrite").param("conflictVersion", String.valueOf(currentLock())));

		assertThat(result).hasStatus3xxRedirection();
		CampaignDetail saved = this.campaigns.detail(this.id);
		assertThat(saved.label()).isEqualTo("Olga's label");
		assertThat(saved.lateMinutes()).isEqualTo(15);
		List<AuditEntry> timeline = saved.timeline();
		assertThat(timeline.get(timeline.size() - 1)).satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("campaign.rescheduled");
			assertThat(entry.actor()).isEqualTo("olga");
		});
	}

	@Test
	void mergeByHandShowsTheSavedValuesBesideTheFieldsAndTheNextSaveSucceeds() {
		MvcTestResult merge = this.mvc.perform(olgasSave("Olga's label", "merge"));

		assertThat(merge).hasStatusOk()
			.bodyText()
			.contains("id=\"merge-notice\"", "value=\"Olga&#39;s label\"")
			.containsPattern(saved("label", "Summer launch, final"))
			.containsPattern(saved("lateMinutes", "30"))
			.contains("name=\"version\" value=\"" + currentLock() + "\"")
			.doesNotContain("id=\"edit-conflict\"", "id=\"theirs-zone\"");
		assertThat(this.campaigns.detail(this.id).label()).isEqualTo("Summer launch, final");

		assertThat(this.mvc.perform(form(this.mvc.post().uri("/campaigns/" + this.id), "olga", "Olga's final label", 30)
			.param("version", String.valueOf(currentLock())))).hasStatus3xxRedirection();
		assertThat(this.campaigns.detail(this.id).label()).isEqualTo("Olga's final label");
	}

	/** Olga's post from the form she opened before Pete's save. */
	private MockMvcRequestBuilder olgasSave(String label, String action) {
		return form(this.mvc.post().uri("/campaigns/" + this.id), "olga", label, 15).param("action", action)
			.param("version", String.valueOf(this.openedLock))
			.param("baseline", this.openedBaseline);
	}

	private MockMvcRequestBuilder form(MockMvcRequestBuilder request, String operator, String label, int lateMinutes) {
		return request.with(user(operator).roles("OPERATOR"))
			.with(csrf())
			.param("label", label)
			.param("chatAppId", String.valueOf(this.scene.appId()))
			.param("versionId", String.valueOf(this.scene.versionId()))
			.param("accountIds", String.valueOf(this.scene.accountIds().get(0)))
			.param("kind", "ONCE")
			.param("onceAt", this.onceAt)
			.param("zone", "UTC")
			.param("lateMinutes", String.valueOf(lateMinutes));
	}

	/** The saved value shown beside a field while merging. */
	private static String saved(String id, String value) {
		return "id=\"theirs-" + id + "\">\\s*<span>Saved value:</span>\\s*<span[^>]*>" + value + "</span>";
	}

	private long currentLock() {
		return this.campaigns.detail(this.id).version();
	}

}
