package dev.herald.draft;

import java.util.List;

import dev.herald.audit.AuditEntry;
import dev.herald.audit.AuditLog;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.herald.draft.DraftRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Two people edit one draft: the second save comes back with what was typed, who saved in
 * between and what changed, and goes on by saving on top or merging by hand.
 */
@ApplicationTest
class DraftEditConflictTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Drafts drafts;

	@Autowired
	private AuditLog audit;

	private final String olga = unique("olga");

	private final String eddie = unique("eddie");

	private long id;

	/** Olga's form, opened before Eddie saved. */
	private long openedLock;

	@BeforeEach
	void bothOpenTheDraftAndEddieSavesFirst() {
		this.id = DraftRequests.create(this.mvc, this.olga, "Spring sale", "First");
		this.openedLock = this.drafts.view(this.id).draft().getVersion();
		DraftRequests.edit(this.mvc, this.drafts.view(this.id), this.eddie, "Second by Eddie");
	}

	@Test
	void theStaleSaveKeepsTheInputAndShowsWhoChangedWhat() {
		MvcTestResult result = olgasSave("Mine, typed for an hour", "save").exchange();

		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("id=\"edit-conflict\"", ">Mine, typed for an hour</textarea>",
					"value=\"Spring sale, summer edition\"")
			// who and what they did, from the audit trail
			.contains(this.eddie, "Draft edited")
			// what changed between the version Olga opened and the saved one
			.contains("diff-CHANGED", "<del>First</del>", "<ins>Second by Eddie</ins>")
			.contains("name=\"conflictVersion\" value=\"" + currentLock() + "\"", "id=\"save-on-top\"",
					"id=\"merge-by-hand\"");
		assertThat(savedText()).contains("Second by Eddie");

		// saving again the plain way is still refused: the choice has to be made
		assertThat(olgasSave("Mine, typed for an hour", "save").exchange()).hasStatusOk()
			.bodyText()
			.contains("id=\"edit-conflict\"");
		assertThat(savedText()).contains("Second by Eddie");
	}

	@Test
	void saveMineOnTopOverwritesKnowinglyAndIsAudited() {
		MvcTestResult result = olgasSave("Mine wins", "overwrite")
			.param("conflictVersion", String.valueOf(currentLock()))
			.exchange();

		assertThat(result).hasStatus(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + this.id);
		DraftView view = this.drafts.view(this.id);
		assertThat(view.current().getContentJson()).contains("Mine wins");
		assertThat(view.draft().getTitle()).isEqualTo("Spring sale, summer edition");
		List<AuditEntry> timeline = this.audit.timeline("draft", this.id);
		assertThat(timeline.get(timeline.size() - 1)).satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("draft.edited");
			assertThat(entry.actor()).isEqualTo(this.olga);
		});
	}

	@Test
	void saveOnTopOfAVersionThatMovedOnAgainIsAnotherConflict() {
		long seen = currentLock();
		DraftRequests.edit(this.mvc, this.drafts.view(this.id), this.eddie, "Third by Eddie");

		assertThat(olgasSave("Mine", "overwrite").param("conflictVersion", String.valueOf(seen)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("id=\"edit-conflict\"", "Third by Eddie");
		assertThat(savedText()).contains("Third by Eddie");
	}

	@Test
	void mergeByHandShowsTheSavedValuesBesideTheFieldsAndTheNextSaveSucceeds() {
		MvcTestResult merge = olgasSave("Mine, merged", "merge").exchange();

		assertThat(merge).hasStatusOk()
			.bodyText()
			.contains("id=\"merge-notice\"", ">Mine, merged</textarea>")
			.containsPattern(saved("el-0-Text", "Second by Eddie"))
			.containsPattern(saved("title", "Spring sale"))
			.contains("name=\"version\" value=\"" + currentLock() + "\"")
			.doesNotContain("id=\"edit-conflict\"");
		assertThat(savedText()).contains("Second by Eddie");

		MvcTestResult saved = this.mvc.post()
			.uri("/drafts/" + this.id + "/edit")
			.with(user(this.olga).roles("OPERATOR"))
			.with(csrf())
			.param("title", "Spring sale")
			.param("version", String.valueOf(currentLock()))
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "Mine, merged with Second by Eddie")
			.exchange();
		assertThat(saved).hasStatus(302);
		assertThat(savedText()).contains("Mine, merged with Second by Eddie");
	}

	/** Olga's post from the form she opened before Eddie's save. */
	private MockMvcRequestBuilder olgasSave(String text, String action) {
		return this.mvc.post()
			.uri("/drafts/" + this.id + "/edit")
			.with(user(this.olga).roles("OPERATOR"))
			.with(csrf())
			.param("action", action)
			.param("title", "Spring sale, summer edition")
			.param("notes", "Spring sale")
			.param("version", String.valueOf(this.openedLock))
			.param("baseVersion", "1")
			.param("baseTitle", "Spring sale")
			.param("baseNotes", "Spring sale")
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", text);
	}

	/** The saved value shown beside a field while merging. */
	private static String saved(String id, String value) {
		return "id=\"theirs-" + id + "\">\\s*<span>Saved value:</span>\\s*<span[^>]*>" + value + "</span>";
	}

	private long currentLock() {
		return this.drafts.view(this.id).draft().getVersion();
	}

	private String savedText() {
		return this.drafts.view(this.id).current().getContentJson();
	}

}
