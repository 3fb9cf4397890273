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
 * "Fill from URL" in a real browser: htmx swaps only the element, so the page is not
 * reloaded and nothing typed elsewhere moves; a refusal shows beside the URL field.
 */
@BrowserTest
class BrowserMediaFillTests {

	@Autowired
	private TestUsers users;

	@Test
	void aRefusedUrlIsNamedBesideTheFieldWithoutReloadingThePage(Browser browser) {
		Page page = Browser.signIn(browser.newPage(), this.users.create("mia", "OPERATOR"));
		page.navigate("/drafts/new");
		page.waitForLoadState(LoadState.LOAD);
		page.locator("#title").fill("Pictures");
		page.locator("#el-0-Text").fill("Look at this");
		page.locator("#add-TIMImageElem").click();
		page.waitForLoadState(LoadState.LOAD);
		page.locator("#el-1-Info1URL").fill("http://127.0.0.1/logo.png");
		page.locator("#el-1-Info1Width").fill("12");
		page.evaluate("window.heraldNoReload = true");

		page.locator("#fill-1-Info1URL").click();

		assertThat(page.locator("#element-1 .invalid-feedback"))
			.containsText("Herald does not fetch from this address");
		assertThat(page.locator("#el-1-Info1URL")).hasValue("http://127.0.0.1/logo.png");
		assertThat(page.locator("#el-1-Info1Width")).hasValue("12");
		assertThat(page.locator("#el-0-Text")).hasValue("Look at this");
		assertThat(page.evaluate("window.heraldNoReload === true")).isEqualTo(true);
		assertThat(page.locator("#element-1")).hasCount(1);
		assertThat(page.locator("#live-panel")).hasCount(1);
	}

}
