package dev.herald.draft;

import java.io.UnsupportedEncodingException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.support.ApplicationTest;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.herald.draft.DraftRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Archiving, restoring and cloning drafts over HTTP, against the real database.
 */
@ApplicationTest
class DraftArchiveTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Drafts drafts;

	@Autowired
	private ApprovedVersions approved;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@LocalServerPort
	private int port;

	private final String operator = unique("arch-op");

	private final String editor = unique("arch-ed");

	@Test
	void archivedDraftsLeaveTheListAndComeBackWhenAskedForOrRestored() {
		long kept = create(this.operator, "Kept " + this.operator, "k");
		long gone = create(this.operator, "Gone " + this.operator, "g");
		assertThat(post("/drafts/" + gone + "/archive", this.operator, "OPERATOR", "confirmed", "true")).hasStatus(302)
			.hasRedirectedUrl("/drafts/" + gone);

		assertThat(list("/drafts?author=" + this.operator)).contains("Kept " + this.operator)
			.doesNotContain("Gone " + this.operator);
		String withArchived = list("/drafts?archived=true&author=" + this.operator);
		assertThat(withArchived).contains("Kept " + this.operator, "Gone " + this.operator, "draft-archived");
		assertThat(withArchived.split("draft-archived")).hasSize(2);
		assertThat(this.mvc.get().uri("/drafts/" + gone).with(user(this.operator).roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("archived-notice", "restore-draft", "Draft archived")
			.doesNotContain("edit-draft", "submit-draft", "archive-draft\"");

		assertThat(post("/drafts/" + gone + "/restore", this.operator, "OPERATOR")).hasStatus(302);
		assertThat(list("/drafts?author=" + this.operator)).contains("Kept " + this.operator, "Gone " + this.operator)
			.doesNotContain("draft-archived");
		assertThat(this.drafts.view(kept).draft().isArchived()).isFalse();
		assertThat(actions(gone)).containsExactly("draft.created", "draft.archived", "draft.restored");
	}

	@Test
	void archivingAsksNamingTheDraftAndArchivesOnlyOnceConfirmed() {
		String title = "Ask first " + this.operator;
		long id = create(this.operator, title, "a");
		WebSession session = WebSession.signIn(this.port, this.users.create("arch-ask", "OPERATOR"));
		String page = session.get("/drafts/" + id).body();
		assertThat(WebSession.formTag(page, "action=\"/drafts/" + id + "/archive\"")).contains("data-confirm");

		HttpResponse<String> question = session.post("/drafts/" + id + "/archive",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Archive draft &quot;" + title + "&quot;?")
			.contains("leaves the lists and can no longer be chosen for new campaigns")
			.contains(">Archive draft</button>")
			.contains("href=\"/drafts/" + id + "\"");
		assertThat(this.drafts.view(id).draft().isArchived()).isFalse();
		assertThat(actions(id)).containsExactly("draft.created");

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.drafts.view(id).draft().isArchived()).isTrue();
	}

	@Test
	void archivingTwiceIsHarmlessAndAuditedOnce() {
		long id = create(this.operator, "Twice", "t");
		assertThat(post("/drafts/" + id + "/archive", this.editor, "EDITOR", "confirmed", "true")).hasStatus(302);
		assertThat(post("/drafts/" + id + "/archive", this.operator, "OPERATOR", "confirmed", "true")).hasStatus(302);
		assertThat(actions(id)).containsExactly("draft.created", "draft.archived");
		assertThat(this.jdbc
			.sql("select actor from audit_event where object_type = 'draft' and object_id = :id"
					+ " and action = 'draft.archived'")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).isEqualTo(this.editor);
	}

	@Test
	void anArchivedDraftCannotBeEditedSubmittedOrReviewedUntilRestored() {
		long id = create(this.operator, "Frozen", "f");
		post("/drafts/" + id + "/submit", this.operator, "OPERATOR");
		assertThat(this.mvc.get().uri("/drafts/review").with(user(this.editor).roles("EDITOR"))).bodyText()
			.contains("Frozen");
		post("/drafts/" + id + "/archive", this.operator, "OPERATOR", "confirmed", "true");
		long lock = this.drafts.view(id).draft().getVersion();

		// hidden from the review queue unless asked for, and then without a review button
		assertThat(this.mvc.get().uri("/drafts/review").with(user(this.editor).roles("EDITOR"))).bodyText()
			.doesNotContain("/drafts/" + id + "\"");
		assertThat(this.mvc.get().uri("/drafts/review?archived=true").with(user(this.editor).roles("EDITOR")))
			.bodyText()
			.contains("/drafts/" + id + "\"", "draft-archived")
			.doesNotContain("/drafts/" + id + "/review");

		assertThat(this.mvc.get().uri("/drafts/" + id + "/edit").with(user(this.operator).roles("OPERATOR")))
			.hasStatus(409)
			.bodyText()
			.contains("This draft is archived. Restore it first.");
		MvcTestResult edit = this.mvc.post()
			.uri("/drafts/" + id + "/edit")
			.with(user(this.operator).roles("OPERATOR"))
			.with(csrf())
			.param("title", "Frozen")
			.param("version", String.valueOf(lock))
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "changed")
			.exchange();
		assertThat(edit).hasStatus(409);
		assertThat(this.mvc.get().uri("/drafts/" + id + "/review").with(user(this.editor).roles("EDITOR")))
			.hasStatus(409);
		assertThat(post("/drafts/" + id + "/approve", this.editor, "EDITOR")).hasStatus(409)
			.bodyText()
			.contains("Restore it first");
		assertThat(post("/drafts/" + id + "/request-changes", this.editor, "EDITOR", "comment", "No")).hasStatus(409);
		DraftView view = this.drafts.view(id);
		assertThat(view.draft().getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
		assertThat(view.current().getContentJson()).contains("\"f\"");

		post("/drafts/" + id + "/restore", this.editor, "EDITOR");
		assertThat(post("/drafts/" + id + "/approve", this.editor, "EDITOR")).hasStatus(302);
		assertThat(this.drafts.view(id).draft().getStatus()).isEqualTo(DraftStatus.APPROVED);
	}

	@Test
	void archivedDraftsAreNotOfferedToNewCampaignsButTheirApprovalStands() {
		long id = create(this.operator, "Offered", "o");
		post("/drafts/" + id + "/submit", this.operator, "OPERATOR");
		post("/drafts/" + id + "/approve", this.editor, "EDITOR");
		long versionId = this.drafts.view(id).current().getId();
		assertThat(this.approved.listApproved()).extracting(ApprovedVersion::versionId).contains(versionId);
		assertThat(this.approved.findOffered(versionId)).isPresent();

		post("/drafts/" + id + "/archive", this.operator, "OPERATOR", "confirmed", "true");
		assertThat(this.approved.listApproved()).extracting(ApprovedVersion::versionId).doesNotContain(versionId);
		assertThat(this.approved.findOffered(versionId)).isEmpty();
		// campaigns that already use the version keep a valid approval
		assertThat(this.approved.findApproved(versionId)).isPresent();

		post("/drafts/" + id + "/restore", this.operator, "OPERATOR");
		assertThat(this.approved.listApproved()).extracting(ApprovedVersion::versionId).contains(versionId);
		assertThat(this.approved.findOffered(versionId)).isPresent();
	}

	@Test
	void cloningMakesANewDraftOfTheCurrentContentByTheCloner() {
		long source = create(this.operator, "Original", "first");
		edit(source, this.operator, "second");
		post("/drafts/" + source + "/submit", this.operator, "OPERATOR");
		post("/drafts/" + source + "/archive", this.operator, "OPERATOR", "confirmed", "true");

		MvcTestResult result = this.mvc.post()
			.uri("/drafts/" + source + "/clone")
			.with(user(this.editor).roles("EDITOR"))
			.with(csrf())
			.param("submissionToken", UUID.randomUUID().toString())
			.exchange();
		assertThat(result).hasStatus(302).flash().containsEntry("success", "drafts.cloned");
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/drafts/\\d+/edit");
		long copy = Long.parseLong(location.split("/")[2]);
		assertThat(copy).isNotEqualTo(source);

		DraftView view = this.drafts.view(copy);
		assertThat(view.draft().getTitle()).isEqualTo("Copy of Original");
		assertThat(view.draft().getStatus()).isEqualTo(DraftStatus.DRAFT);
		assertThat(view.draft().getAuthor()).isEqualTo(this.editor);
		assertThat(view.draft().isArchived()).isFalse();
		assertThat(view.draft().getNotes()).isEqualTo("Original");
		assertThat(view.history()).hasSize(1);
		assertThat(view.current().getContentHash()).isEqualTo(this.drafts.view(source).current().getContentHash());
		assertThat(view.current().getContentJson()).contains("second");
		assertThat(actions(copy)).containsExactly("draft.cloned");
		assertThat(this.jdbc
			.sql("select after_state ->> 'sourceId' from audit_event where object_type = 'draft' and object_id = :id")
			.param("id", String.valueOf(copy))
			.query(String.class)
			.single()).isEqualTo(String.valueOf(source));
		assertThat(this.mvc.get().uri(location).with(user(this.editor).roles("EDITOR"))).hasStatusOk()
			.bodyText()
			.contains("Copy of Original", "second");
		// the source is untouched
		assertThat(this.drafts.view(source).draft().getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
		assertThat(this.drafts.view(source).draft().isArchived()).isTrue();
	}

	@Test
	void cloneTitleFollowsTheLanguageAndARepeatedCloneLandsOnTheFirstCopy() {
		long source = create(this.operator, "告知", "x");
		String token = UUID.randomUUID().toString();
		List<String> locations = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			MvcTestResult result = this.mvc.post()
				.uri("/drafts/" + source + "/clone")
				.header("Accept-Language", "ja")
				.with(user(this.operator).roles("OPERATOR"))
				.with(csrf())
				.param("submissionToken", token)
				.exchange();
			assertThat(result).hasStatus(302);
			locations.add(result.getResponse().getRedirectedUrl());
		}
		assertThat(locations.get(1)).isEqualTo(locations.get(0));
		long copy = Long.parseLong(locations.get(0).split("/")[2]);
		assertThat(this.drafts.view(copy).draft().getTitle()).isEqualTo("告知 のコピー");
	}

	@Test
	void aVeryLongTitleStillClones() {
		String title = "t".repeat(DraftForm.MAX_TITLE);
		long source = create(this.operator, title, "x");
		MvcTestResult result = post("/drafts/" + source + "/clone", this.operator, "OPERATOR");
		assertThat(result).hasStatus(302);
		long copy = Long.parseLong(result.getResponse().getRedirectedUrl().split("/")[2]);
		assertThat(this.drafts.view(copy).draft().getTitle()).hasSize(DraftForm.MAX_TITLE).startsWith("Copy of t");
	}

	@Test
	void missingDraftsAnswer404() {
		assertThat(post("/drafts/999999998/archive", this.operator, "OPERATOR", "confirmed", "true")).hasStatus(404);
		assertThat(post("/drafts/999999998/restore", this.operator, "OPERATOR")).hasStatus(404);
		assertThat(post("/drafts/999999998/clone", this.operator, "OPERATOR")).hasStatus(404);
	}

	private List<String> actions(long draftId) {
		return this.jdbc
			.sql("select action from audit_event where object_type = 'draft' and object_id = :id order by id")
			.param("id", String.valueOf(draftId))
			.query(String.class)
			.list();
	}

	private String list(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).with(user(this.operator).roles("OPERATOR")).exchange();
		assertThat(result).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long create(String user, String title, String text) {
		return DraftRequests.create(this.mvc, user, title, text);
	}

	private void edit(long id, String user, String text) {
		DraftRequests.edit(this.mvc, this.drafts.view(id), user, text);
	}

	private MvcTestResult post(String uri, String user, String role, String... params) {
		var request = this.mvc.post().uri(uri).with(user(user).roles(role)).with(csrf());
		String[] parts = uri.split("/");
		if (parts.length > 2 && parts[2].matches("\\d+") && !uri.startsWith("/drafts/99999999")) {
			request.param("version", String.valueOf(this.drafts.view(Long.parseLong(parts[2])).draft().getVersion()));
		}
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

}
