package dev.herald.staff;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import dev.herald.support.Browser;
import dev.herald.support.BrowserTest;
import dev.herald.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person in a real browser: signs in, sees the dashboard, switches language, signs out.
 */
@BrowserTest
class BrowserSignInTests {

	@Autowired
	private StaffUsers users;

	@Test
	void operatorSignsInSeesTheDashboardAndOnlyTheirMenus(Browser browser) {
		String username = newUser(Role.OPERATOR);
		Page page = browser.newPage();
		page.navigate("/");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		Browser.screenshot(page, "login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#dashboard-title")).hasText("Dashboard");
		assertThat(page.locator("nav")).containsText("Campaigns");
		assertThat(page.locator("nav")).not().containsText("Admin");
		Browser.screenshot(page, "dashboard");

		page.locator("#language-menu").click();
		page.locator("a[lang=ja]").click();
		assertThat(page.locator("#dashboard-title")).hasText("ダッシュボード");
		page.locator("#language-menu").click();
		page.locator("a[lang=zh-CN]").click();
		assertThat(page.locator("#dashboard-title")).hasText("仪表盘");
		Browser.screenshot(page, "dashboard-zh-CN");

		page.locator("#user-menu").click();
		page.locator("#logout").click();
		assertThat(page.locator("#login-logout")).isVisible();
	}

	@Test
	void wrongPasswordShowsTheErrorOnTheSignInPage(Browser browser) {
		String username = newUser(Role.ANALYST);
		Page page = browser.newPage();
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill("wrong password");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#login-error")).isVisible();
	}

	private String newUser(Role role) {
		String username = "b" + UUID.randomUUID().toString().substring(0, 8);
		this.users.create(username, "Browser " + role, TestUsers.PASSWORD, Set.of(role));
		return username;
	}

}
