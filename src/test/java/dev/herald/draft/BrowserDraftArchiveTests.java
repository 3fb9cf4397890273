package dev.herald.draft;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.TestUsers;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Archive, find again, restore and clone a draft in a real browser, through the buttons
 * and the "show archived" filter.
 */
@BrowserTest
class BrowserDraftArchiveTests {

	@Autowired
	private TestUsers users;

	@Test
	void operatorArchivesFindsRestoresAndClonesADraft(Browser browser) {
		String operator = this.users.create("archiver", "OPERATOR");
		String title = "Old news " + UUID.randomUUID().toString().substring(0, 8);
		Page page = Browser.signIn(browser.newPage(), operator);
		page.navigate("/drafts/new");
		page.waitForLoadState(LoadState.LOAD);
		page.locator("#title").fill(title);
		page.locator("#el-0-Text").fill("Yesterday");
		page.locator("#save-draft").click();
		assertThat(page.locator("#draft-status")).hasText("Draft");
		long id = Long.parseLong(page.url().replaceAll(".*/drafts/(\\d+).*", "$1"));

		page.locator("#archive-draft").click();
		assertThat(page.locator("#confirm-dialog")).containsText(title);
		page.locator("#confirm-yes").click();
		assertThat(page.locator("#draft-archived")).hasText("Archived");
		assertThat(page.locator("#archived-notice")).containsText("restore it to edit");
		assertThat(page.locator("#edit-draft")).hasCount(0);
		Browser.screenshot(page, "drafts-archived");

		page.navigate("/drafts?author=" + operator);
		assertThat(page.locator("#drafts")).not().containsText(title);
		page.locator("#filter-archived").check();
		page.locator("#draft-filters button[type=submit]").click();
		assertThat(page.locator("#drafts tr", new Page.LocatorOptions().setHasText(title))).containsText("Archived");
		Browser.screenshot(page, "drafts-list-archived");

		page.locator("#drafts a", new Page.LocatorOptions().setHasText(title)).click();
		page.locator("#restore-draft").click();
		assertThat(page.locator("#draft-archived")).hasCount(0);
		assertThat(page.locator("#edit-draft")).isVisible();

		page.locator("#clone-draft").click();
		page.waitForURL(Pattern.compile(".*/drafts/\\d+/edit$"));
		assertThat(page.locator("#title")).hasValue("Copy of " + title);
		assertThat(page.locator("#el-0-Text")).hasValue("Yesterday");
		Assertions.assertThat(page.url()).doesNotContain("/drafts/" + id + "/");
	}

}
