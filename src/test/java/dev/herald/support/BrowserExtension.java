package dev.herald.support;

import java.util.Objects;

import com.microsoft.playwright.Page;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium for the tests of a class:
 * {@code @RegisterExtension static final BrowserExtension browser = new BrowserExtension();}.
 * Launched before them (or they are skipped, see {@link Browser#launch()}) and closed
 * after them.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback {

	private @Nullable Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.browser = Browser.launch();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
	}

	/** See {@link Browser#newPage(String, String)}. */
	public Page newPage(String baseUrl, String locale) {
		return Objects.requireNonNull(this.browser, "browser not launched").newPage(baseUrl, locale);
	}

}
