package dev.herald.draft;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole draft life in a real browser: compose with live panel, submit, four-eyes,
 * request changes, edit, resubmit, approve; the approved JSON is what the composer
 * showed.
 */
@BrowserTest
class BrowserDraftReviewTests {

	@Autowired
	private ApprovedVersions approved;

	@Autowired
	private TestUsers users;

	@Test
	void operatorComposesEditorRequestsChangesThenApproves(Browser browser) {
		// The operator is an editor too: only the four-eyes rule stops them approving.
		String operator = this.users.create("op", "OPERATOR", "EDITOR");
		String editor = this.users.create("ed", "EDITOR");

		Page author = Browser.signIn(browser.newPage(), operator);
		author.navigate("/drafts/new");
		author.waitForLoadState(LoadState.LOAD);
		author.locator("#title").fill("Autumn sale <b>now</b>");
		author.locator("#el-0-Text").fill("Hello");
		author.locator("#add-TIMFaceElem").click();
		author.locator("#el-1-Index").fill("5");
		author.locator("#add-TIMCustomElem").click();
		author.locator("#el-2-Data").fill("{\"sku\":42}");
		author.locator("#el-2-Desc").fill("Deal");
		author.locator("#pushTitle").fill("Shop");
		author.locator("#apnsSound").fill("ding.aiff");
		assertThat(author.locator("#el-0-Text")).hasValue("Hello");
		assertThat(author.locator("#live-push-text")).hasText("Hello[Face]Deal");
		assertThat(author.locator("#live-json")).containsText("ding.aiff");
		Browser.screenshot(author, "drafts-composer");
		author.locator("#save-draft").click();
		assertThat(author.locator("#draft-status")).hasText("Draft");
		long id = Long.parseLong(author.url().replaceAll(".*/drafts/(\\d+).*", "$1"));
		author.locator("#submit-draft").click();
		assertThat(author.locator("#draft-status")).hasText("In review");

		author.navigate("/drafts/" + id + "/review");
		assertThat(author.locator("#four-eyes-note")).isVisible();
		assertThat(author.locator("#approve-draft")).hasCount(0);

		Page reviewer = Browser.signIn(browser.newPage(), editor);
		reviewer.navigate("/drafts/review");
		reviewer.locator("#queue a[href$='/drafts/" + id + "/review']").click();
		assertThat(reviewer.locator("#review-title")).containsText("Autumn sale <b>now</b>");
		reviewer.locator("#request-changes").click();
		assertThat(reviewer.locator("#comment-error")).isVisible();
		reviewer.locator("#comment").fill("Say hello to everyone");
		reviewer.locator("#request-changes").click();
		assertThat(reviewer.locator("#draft-status")).hasText("Changes requested");

		author.navigate("/drafts/" + id);
		assertThat(author.locator("#changes-requested")).containsText("Say hello to everyone");
		author.locator("#edit-draft").click();
		author.waitForURL("**/drafts/" + id + "/edit");
		author.waitForLoadState(LoadState.LOAD);
		author.locator("#el-0-Text").fill("Hello everyone");
		assertThat(author.locator("#live-push-text")).hasText("Hello everyone[Face]Deal");
		String shown = author.locator("#live-json").textContent();
		author.locator("#save-draft").click();
		assertThat(author.locator("#draft-status")).hasText("Draft");
		author.locator("#submit-draft").click();
		assertThat(author.locator("#draft-status")).hasText("In review");

		reviewer.navigate("/drafts/" + id + "/review");
		assertThat(reviewer.locator("#diff")).containsText("Hello everyone");
		Browser.screenshot(reviewer, "drafts-review");
		reviewer.locator("#approve-draft").click();
		assertThat(reviewer.locator("#draft-status")).hasText("Approved");
		assertThat(reviewer.locator("#live-json")).hasText(shown);
		Browser.screenshot(reviewer, "drafts-approved");

		assertThat(this.approved.listApproved()).filteredOn((version) -> version.draftId() == id)
			.singleElement()
			.satisfies((version) -> {
				assertThat(version.contentJson()).isEqualTo(shown);
				assertThat(version.number()).isEqualTo(2);
				assertThat(version.approvedBy()).isEqualTo(editor);
			});
		assertThat(shown).startsWith("{\"MsgBody\":[{\"MsgType\":\"TIMTextElem\"")
			.contains("\"OfflinePushInfo\":{\"Title\":\"Shop\",\"ApnsInfo\":{\"Sound\":\"ding.aiff\"}}");
	}

}
