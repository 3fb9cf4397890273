package dev.herald.support;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Chromium for the tests of a class, on the application's port: launched before them
 * (or they are skipped, see {@link Browser#launch(String)}), closed after them, and given
 * to any test method that takes a {@link Browser}. After each test its pages are closed
 * and the test fails on what axe-core found on them. {@link BrowserTest} registers it.
 */
public final class BrowserExtension
		implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

	private @Nullable Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		this.browser = Browser.launch("http://localhost:" + port);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.finishTest();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return Objects.requireNonNull(this.browser, "browser not launched");
	}

}
