package dev.herald.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium driven by Playwright, opening pages on Herald. Playwright never
 * downloads a browser here. Where no Chromium is installed the browser tests are skipped
 * with a message, except on CI, which installs Chromium and must run them. A
 * {@link BrowserTest} receives one as a test method parameter.
 * <p>
 * Every page it opens is audited with axe-core ({@link AxeAudit}); without axe-core (the
 * build installs it with npm) the browser tests are skipped the same way.
 */
public final class Browser implements AutoCloseable {

	private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"),
			Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private final String baseUrl;

	private final AxeAudit audit;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private Browser(Path executable, String baseUrl, AxeAudit audit) {
		this.baseUrl = baseUrl;
		this.audit = audit;
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/**
	 * Starts Chromium, or skips the calling test when none is installed outside CI.
	 * @param baseUrl where Herald runs
	 * @return a running browser
	 */
	public static Browser launch(String baseUrl) {
		Path executable = chromium();
		if (executable == null) {
			if (System.getenv("CI") != null) {
				fail("Chromium is not installed, but CI must run the browser tests (install Debian's chromium)");
			}
			assumeTrue(false, "Browser tests skipped: no Chromium found at " + CANDIDATES
					+ " (install Debian's chromium package to run them)");
		}
		AxeAudit audit = AxeAudit.forOrigin(baseUrl);
		if (audit == null) {
			String missing = "axe-core is not installed at " + AxeAudit.SCRIPT
					+ " (the build installs src/test/browser with npm: install nodejs and npm)";
			if (System.getenv("CI") != null) {
				fail(missing + ", but CI must run the browser tests");
			}
			assumeTrue(false, "Browser tests skipped: " + missing);
		}
		return new Browser(executable, baseUrl, audit);
	}

	private static Path chromium() {
		String configured = System.getenv("HERALD_CHROMIUM");
		if (configured != null && Files.isExecutable(Path.of(configured))) {
			return Path.of(configured);
		}
		return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
	}

	/**
	 * A fresh browser tab on Herald with its own cookies, in English.
	 * @return the page
	 */
	public Page newPage() {
		return newPage("en-US");
	}

	/**
	 * A fresh browser tab on Herald with its own cookies.
	 * @param locale the browser language, for example {@code en-US}
	 * @return the page
	 */
	public Page newPage(String locale) {
		return newPage(this.baseUrl, locale);
	}

	/**
	 * A fresh browser tab on Herald with its own cookies, in English, with JavaScript
	 * turned off: what works without JavaScript must work here.
	 * @return the page
	 */
	public Page newPageWithoutJavaScript() {
		BrowserContext context = this.browser.newContext(new NewContextOptions().setBaseURL(this.baseUrl)
			.setLocale("en-US")
			.setTimezoneId("Europe/Berlin")
			.setViewportSize(1280, 900)
			.setJavaScriptEnabled(false));
		context.setDefaultTimeout(15_000);
		return context.newPage();
	}

	/**
	 * A fresh browser tab with its own cookies.
	 * @param baseUrl where Herald runs
	 * @param locale the browser language, for example {@code en-US}
	 * @return the page
	 */
	private Page newPage(String baseUrl, String locale) {
		BrowserContext context = this.browser.newContext(new NewContextOptions().setBaseURL(baseUrl)
			.setLocale(locale)
			.setTimezoneId("Europe/Berlin")
			.setViewportSize(1280, 900));
		context.setDefaultTimeout(15_000);
		this.contexts.add(context);
		context.onPage(this.audit::watch);
		return context.newPage();
	}

	/**
	 * Runs axe-core on the page as it is now, also where its URL was audited when it
	 * loaded: for content that htmx brought in later. Serious and critical violations
	 * fail the test when it ends.
	 * @param page a page of this browser
	 */
	public void audit(Page page) {
		this.audit.auditAgain(page);
	}

	/**
	 * Ends a test: audits the pages it left open as they are now, closes them, and fails
	 * on the serious or critical accessibility violations found on any page it visited.
	 */
	void finishTest() {
		try {
			for (BrowserContext context : this.contexts) {
				context.pages().forEach(this.audit::auditAsItIs);
			}
		}
		finally {
			this.contexts.forEach(BrowserContext::close);
			this.contexts.clear();
		}
		List<String> violations = this.audit.takeViolations();
		if (!violations.isEmpty()) {
			fail("axe-core found " + violations.size() + " serious or critical violation(s):\n  "
					+ String.join("\n  ", violations));
		}
	}

	/**
	 * Signs in through the login form and lands on the dashboard.
	 * @param page a fresh page, for example from {@link #newPage()}
	 * @param username the user (password {@link TestUsers#PASSWORD})
	 * @return the page, signed in
	 */
	public static Page signIn(Page page, String username) {
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("button[type=submit]").click();
		PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*/$"));
		return page;
	}

	/**
	 * Saves a screenshot under {@code target/screenshots} for people to review.
	 * @param page the page
	 * @param name the file name without extension
	 */
	public static void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png")).setFullPage(true));
	}

	/**
	 * Picks one official account in the campaign form's audience picker the way a person
	 * does: types its id into the search and adds the match.
	 * @param page the campaign form
	 * @param accountId the {@code @TOA#_} id
	 * @param id Herald's id of the account
	 */
	public static void pickAccount(Page page, String accountId, long id) {
		page.locator("#account-search").fill(accountId);
		page.locator(".pick-account[data-id='" + id + "']").click();
		PlaywrightAssertions.assertThat(page.locator("#picked .picked-account[data-id='" + id + "']")).isVisible();
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
