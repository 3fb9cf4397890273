package dev.herald.draft;

import java.util.Map;

import dev.herald.support.ApplicationTest;
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
 * The composer, versions and review over HTTP against the database, including forged and
 * stale posts. The composer's form on its own is {@link DraftFormTests}.
 */
@ApplicationTest
class DraftWebTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Drafts drafts;

	@Autowired
	private ApprovedVersions approved;

	private final String operator = unique("olga");

	private final String editor = unique("eddie");

	@Test
	void savingCreatesTheFirstVersionAndEditingAddsVersions() {
		long id = create(this.operator, "Spring sale", "Hello");
		DraftView view = this.drafts.view(id);
		assertThat(view.draft().getCurrentVersion()).isEqualTo(1);
		assertThat(view.draft().getAuthor()).isEqualTo(this.operator);
		assertThat(view.current().getContentJson())
			.isEqualTo("{\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"Hello\"}}]}");

		assertThat(edit(id, this.editor, "Hello again").getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + id);
		view = this.drafts.view(id);
		assertThat(view.history()).extracting(DraftVersion::getNumber).containsExactly(2, 1);
		assertThat(view.draft().getLastEditor()).isEqualTo(this.editor);

		MvcTestResult page = this.mvc.get().uri("/drafts/" + id).with(user(this.operator).roles("OPERATOR")).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Hello again", "version-2", "audit-timeline", "Draft edited");
		assertThat(
				this.mvc.get().uri("/drafts/" + id + "/diff?from=1&to=2").with(user(this.operator).roles("OPERATOR")))
			.hasStatusOk()
			.bodyText()
			.contains("Hello", "Hello again", "diff-CHANGED");
		assertThat(this.mvc.get().uri("/drafts/" + id + "/edit").with(user(this.operator).roles("OPERATOR")))
			.hasStatusOk()
			.bodyText()
			.contains("Hello again");
	}

	@Test
	void unchangedContentKeepsTheVersion() {
		long id = create(this.operator, "Same", "Same text");
		edit(id, this.operator, "Same text");
		assertThat(this.drafts.view(id).draft().getCurrentVersion()).isEqualTo(1);
	}

	@Test
	void reviewFlowWithFourEyesAndForgedPosts() {
		long id = create(this.operator, "Review me", "Hello");
		// someone else submits the operator's draft
		assertThat(post("/drafts/" + id + "/submit", unique("mallory"), "OPERATOR", Map.of())).hasStatus(403)
			.bodyText()
			.contains("Only the author");
		assertThat(post("/drafts/" + id + "/submit", this.operator, "OPERATOR", Map.of())).hasStatus(302);
		assertThat(this.drafts.view(id).draft().getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
		// the author cannot approve, whatever roles they hold
		assertThat(post("/drafts/" + id + "/approve", this.operator, "OPERATOR", Map.of())).hasStatus(403);
		assertThat(post("/drafts/" + id + "/approve", this.operator, "ADMIN", Map.of())).hasStatus(403)
			.bodyText()
			.contains("Four-eyes");
		assertThat(this.mvc.get().uri("/drafts/review").with(user(this.operator).roles("EDITOR"))).bodyText()
			.doesNotContain("Review me");
		assertThat(this.mvc.get().uri("/drafts/review").with(user(this.editor).roles("EDITOR"))).bodyText()
			.contains("Review me");
		// changes need a comment
		assertThat(post("/drafts/" + id + "/request-changes", this.editor, "EDITOR", Map.of("comment", " ")))
			.hasStatusOk()
			.bodyText()
			.contains("comment-error");
		assertThat(
				post("/drafts/" + id + "/request-changes", this.editor, "EDITOR", Map.of("comment", "Say <b>when</b>")))
			.hasStatus(302);
		assertThat(this.drafts.view(id).draft().getStatus()).isEqualTo(DraftStatus.CHANGES_REQUESTED);
		assertThat(this.mvc.get().uri("/drafts/" + id).with(user(this.operator).roles("OPERATOR"))).bodyText()
			.contains("Say &lt;b&gt;when&lt;/b&gt;");
		// approving a draft that is not in review names its status
		assertThat(post("/drafts/" + id + "/approve", this.editor, "EDITOR", Map.of())).hasStatus(409)
			.bodyText()
			.contains("Changes requested");

		edit(id, this.operator, "Hello, better");
		assertThat(post("/drafts/" + id + "/submit", this.operator, "OPERATOR", Map.of())).hasStatus(302);
		assertThat(this.mvc.get().uri("/drafts/" + id + "/review").with(user(this.editor).roles("EDITOR")))
			.hasStatusOk()
			.bodyText()
			.contains("First review", "Hello, better", "approve-draft");
		assertThat(post("/drafts/" + id + "/approve", this.editor, "EDITOR", Map.of())).hasStatus(302);
		DraftView view = this.drafts.view(id);
		assertThat(view.draft().getStatus()).isEqualTo(DraftStatus.APPROVED);
		long approvedVersion = view.current().getId();
		assertThat(this.approved.findApproved(approvedVersion)).hasValueSatisfying((version) -> {
			assertThat(version.approvedBy()).isEqualTo(this.editor);
			assertThat(version.number()).isEqualTo(2);
			assertThat(version.contentHash()).isEqualTo(ContentHash.of(version.contentJson()));
		});
		assertThat(this.approved.listApproved()).extracting(ApprovedVersion::versionId).contains(approvedVersion);

		// editing the approved draft starts a new version; the approval stays with
		// version 2
		edit(id, this.operator, "Hello, best");
		view = this.drafts.view(id);
		assertThat(view.draft().getStatus()).isEqualTo(DraftStatus.DRAFT);
		assertThat(this.approved.findApproved(view.current().getId())).isEmpty();
		assertThat(this.approved.findApproved(approvedVersion)).isPresent();
		assertThat(this.approved.listApproved()).extracting(ApprovedVersion::draftId).doesNotContain(id);
		assertThat(view.lastApproved()).isNotNull();
		post("/drafts/" + id + "/submit", this.operator, "OPERATOR", Map.of());
		assertThat(this.mvc.get().uri("/drafts/" + id + "/review").with(user(this.editor).roles("EDITOR"))).bodyText()
			.contains("Changes since approved version 2", "Hello, best");
	}

	@Test
	void operatorsCannotReview() {
		long id = create(this.operator, "No operators", "Hi");
		post("/drafts/" + id + "/submit", this.operator, "OPERATOR", Map.of());
		assertThat(post("/drafts/" + id + "/approve", unique("other"), "OPERATOR", Map.of())).hasStatus(403);
		assertThat(this.drafts.view(id).draft().getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
	}

	@Test
	void staleFormComesBackWithTheInputAndNothingIsOverwritten() {
		long id = create(this.operator, "Stale", "First");
		long lock = this.drafts.view(id).draft().getVersion();
		edit(id, this.editor, "Second");
		MvcTestResult stale = this.mvc.post()
			.uri("/drafts/" + id + "/edit")
			.with(user(this.operator).roles("OPERATOR"))
			.with(csrf())
			.param("title", "Stale")
			.param("version", String.valueOf(lock))
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "Mine")
			.exchange();
		// The form again with what was typed (DraftEditConflictTests covers the rest);
		// review actions on a stale version are still refused.
		assertThat(stale).hasStatusOk().bodyText().contains("id=\"edit-conflict\"", ">Mine</textarea>");
		assertThat(this.drafts.view(id).current().getContentJson()).contains("Second");
		assertThat(
				post("/drafts/" + id + "/submit", this.operator, "OPERATOR", Map.of("version", String.valueOf(lock))))
			.hasStatus(409);
	}

	@Test
	void bodiesOver12KbAreRefusedAndTheSavedVersionStays() {
		long id = create(this.operator, "Big", "Small");
		long lock = this.drafts.view(id).draft().getVersion();
		MvcTestResult result = this.mvc.post()
			.uri("/drafts/" + id + "/edit")
			.with(user(this.operator).roles("OPERATOR"))
			.with(csrf())
			.param("title", "Big")
			.param("version", String.valueOf(lock))
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "x".repeat(6700))
			.param("elements[1].type", "TIMTextElem")
			.param("elements[1].fields[Text]", "y".repeat(6700))
			.exchange();
		assertThat(result).hasStatusOk().bodyText().contains("12288");
		assertThat(this.drafts.view(id).current().getContentJson()).contains("Small");
		assertThat(this.drafts.view(id).draft().getCurrentVersion()).isEqualTo(1);
	}

	@Test
	void hostileTextIsEscapedEverywhere() {
		String script = "<script>alert('x')</script>";
		long id = create(this.operator, script, script);
		MvcTestResult page = this.mvc.get().uri("/drafts/" + id).with(user(this.operator).roles("OPERATOR")).exchange();
		assertThat(page).hasStatusOk().bodyText().doesNotContain(script).contains("&lt;script&gt;");
		assertThat(this.mvc.get().uri("/drafts?q=script").with(user(this.operator).roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.doesNotContain(script)
			.contains("&lt;script&gt;");
	}

	@Test
	void listFiltersByStatusAuthorAndText() {
		String author = unique("lister");
		create(author, "Alpha " + author, "a");
		long beta = create(author, "Beta " + author, "b");
		post("/drafts/" + beta + "/submit", author, "OPERATOR", Map.of());
		assertThat(this.mvc.get().uri("/drafts?author=" + author).with(user(author).roles("OPERATOR"))).bodyText()
			.contains("Alpha " + author, "Beta " + author);
		assertThat(this.mvc.get().uri("/drafts?status=IN_REVIEW&author=" + author).with(user(author).roles("OPERATOR")))
			.bodyText()
			.contains("Beta " + author)
			.doesNotContain("Alpha " + author);
		assertThat(this.mvc.get().uri("/drafts?q=alpha " + author).with(user(author).roles("OPERATOR"))).bodyText()
			.contains("Alpha " + author)
			.doesNotContain("Beta " + author);
	}

	private long create(String user, String title, String text) {
		return DraftRequests.create(this.mvc, user, title, text);
	}

	private MvcTestResult edit(long id, String user, String text) {
		return DraftRequests.edit(this.mvc, this.drafts.view(id), user, text);
	}

	private MvcTestResult post(String uri, String user, String role, Map<String, String> params) {
		long id = Long.parseLong(uri.split("/")[2]);
		MockMvcRequestBuilder request = this.mvc.post().uri(uri).with(user(user).roles(role)).with(csrf());
		request.param("version",
				params.getOrDefault("version", String.valueOf(this.drafts.view(id).draft().getVersion())));
		params.forEach((name, value) -> {
			if (!"version".equals(name)) {
				request.param(name, value);
			}
		});
		return request.exchange();
	}

}
