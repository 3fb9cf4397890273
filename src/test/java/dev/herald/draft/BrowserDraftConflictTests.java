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
 * Two people signed in at once edit one draft in their browsers: the second save keeps
 * its text, shows who saved in between and what changed, and saves on top when asked.
 */
@BrowserTest
class BrowserDraftConflictTests {

	@Autowired
	private TestUsers users;

	@Autowired
	private Drafts drafts;

	@Test
	void theSecondSaveKeepsItsTextAndShowsTheDiff(Browser browser) {
		String ann = this.users.create("ann", "OPERATOR");
		String ben = this.users.create("ben", "OPERATOR");

		Page first = Browser.signIn(browser.newPage(), ann);
		first.navigate("/drafts/new");
		first.waitForLoadState(LoadState.LOAD);
		first.locator("#title").fill("Two editors");
		first.locator("#el-0-Text").fill("Original text");
		first.locator("#save-draft").click();
		assertThat(first.locator("#draft-status")).hasText("Draft");
		long id = Long.parseLong(first.url().replaceAll(".*/drafts/(\\d+).*", "$1"));

		Page second = Browser.signIn(browser.newPage(), ben);
		second.navigate("/drafts/" + id + "/edit");
		second.waitForLoadState(LoadState.LOAD);
		first.navigate("/drafts/" + id + "/edit");
		first.waitForLoadState(LoadState.LOAD);

		first.locator("#el-0-Text").fill("Ann's quick fix");
		first.locator("#save-draft").click();
		assertThat(first.locator("#draft-status")).hasText("Draft");

		String typed = "Ben's text, typed with care over a long while";
		second.locator("#el-0-Text").fill(typed);
		second.locator("#save-draft").click();

		assertThat(second.locator("#edit-conflict")).isVisible();
		assertThat(second.locator("#el-0-Text")).hasValue(typed);
		assertThat(second.locator("#edit-conflict-who")).containsText(ann);
		assertThat(second.locator("#edit-conflict .diff-old")).containsText("Original text");
		assertThat(second.locator("#edit-conflict .diff-new")).containsText("Ann's quick fix");
		Browser.screenshot(second, "drafts-edit-conflict");
		assertThat(this.drafts.view(id).current().getContentJson()).contains("Ann's quick fix");

		second.locator("#save-on-top").click();
		assertThat(second.locator("#draft-status")).hasText("Draft");
		assertThat(this.drafts.view(id).current().getContentJson()).contains(typed);
	}

}
