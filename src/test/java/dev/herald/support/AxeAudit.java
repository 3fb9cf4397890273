package dev.herald.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.jspecify.annotations.Nullable;

/**
 * axe-core on every Herald page a browser test sees: each page is audited once per URL
 * and test when it has loaded, when htmx pushes a new URL, and as it is when the test
 * ends. Serious and critical violations are collected and fail the test afterwards (see
 * {@link BrowserExtension}), naming the rule, the elements and the page. axe-core comes
 * from the npm registry: the build installs {@code src/test/browser} into
 * {@link #SCRIPT}'s folder.
 */
final class AxeAudit {

	/**
	 * Where the build puts axe-core (exec-maven-plugin,
	 * {@code src/test/browser/install.sh}).
	 */
	static final Path SCRIPT = Path.of("target/browser-tools/node_modules/axe-core/axe.min.js");

	/** Elements named per rule before the rest are only counted. */
	private static final int ELEMENTS_SHOWN = 8;

	/**
	 * Runs axe-core (all its default rules: WCAG 2.x A/AA and best practices) and answers
	 * the serious and critical violations, each with the CSS selectors of its elements.
	 * Running transitions (a button under the mouse fading to its hover colour) end
	 * first, so that colours are measured as people see them, not halfway.
	 */
	private static final String RUN = """
			async () => {
			  const finite = document.getAnimations()
			    .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity);
			  await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => null))),
			                      new Promise((done) => setTimeout(done, 1000))]);
			  const result = await axe.run(document, { resultTypes: ['violations'] });
			  return result.violations
			    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
			    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help,
			                   targets: v.nodes.map((n) => n.target.join(' ')),
			                   summary: (v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ') }));
			}""";

	private final String source;

	private final String origin;

	private final Set<String> audited = new HashSet<>();

	/** One line per rule and page; auditing a page again adds only what is new. */
	private final Set<String> violations = new LinkedHashSet<>();

	private AxeAudit(String source, String origin) {
		this.source = source;
		this.origin = origin;
	}

	/**
	 * The audit for pages of one origin, or {@code null} where the build did not install
	 * axe-core (no npm).
	 * @param origin where Herald runs; other origins are not audited
	 * @return the audit, or {@code null}
	 */
	static @Nullable AxeAudit forOrigin(String origin) {
		if (!Files.isReadable(SCRIPT)) {
			return null;
		}
		try {
			return new AxeAudit(Files.readString(SCRIPT), origin);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + SCRIPT, ex);
		}
	}

	/**
	 * Audits the page after every load and every same-document navigation (htmx pushing a
	 * URL).
	 * @param page a new page
	 */
	void watch(Page page) {
		page.onLoad(this::auditQuietly);
		page.onFrameNavigated((frame) -> {
			if (frame == page.mainFrame() && isLoaded(page)) {
				auditQuietly(page);
			}
		});
	}

	/**
	 * Audits the page as it is now, unless its URL was audited before.
	 * @param page a page on Herald
	 */
	void audit(Page page) {
		if (!this.audited.contains(url(page))) {
			auditAgain(page);
		}
	}

	/**
	 * Audits the page as it is now, even if its URL was audited before: for content that
	 * arrived after the page loaded.
	 * @param page a page on Herald
	 */
	void auditAgain(Page page) {
		String url = url(page);
		if (!url.startsWith(this.origin) || !isHtml(page)) {
			return;
		}
		Object loaded = page.evaluate("() => typeof window.axe !== 'undefined'");
		if (!Boolean.TRUE.equals(loaded)) {
			// Evaluated through the DevTools protocol, so the page's CSP does not apply.
			page.evaluate(this.source + "\n;true");
		}
		List<?> found = (List<?>) page.evaluate(RUN);
		this.audited.add(url);
		for (Object item : found) {
			Map<?, ?> violation = (Map<?, ?>) item;
			List<?> targets = (List<?>) violation.get("targets");
			String shown = String.join(", ", targets.stream().limit(ELEMENTS_SHOWN).map(String::valueOf).toList())
					+ ((targets.size() > ELEMENTS_SHOWN) ? " and " + (targets.size() - ELEMENTS_SHOWN) + " more" : "");
			this.violations.add(violation.get("impact") + " " + violation.get("rule") + " (" + violation.get("help")
					+ ") on " + url.substring(this.origin.length()) + ": " + targets.size() + " element(s): " + shown
					+ " - first: " + violation.get("summary"));
		}
	}

	/**
	 * The violations found since the last call; forgets them and which pages were
	 * audited, so that the next test audits the pages it visits again.
	 * @return one line per rule and page
	 */
	List<String> takeViolations() {
		List<String> found = List.copyOf(this.violations);
		this.violations.clear();
		this.audited.clear();
		return found;
	}

	/**
	 * Audits the page as a test left it.
	 * @param page a page still open
	 */
	void auditAsItIs(Page page) {
		auditQuietly(page);
	}

	/**
	 * While a page navigates away its document is gone; the next page gets its own audit.
	 */
	private void auditQuietly(Page page) {
		try {
			audit(page);
		}
		catch (PlaywrightException ex) {
			// Navigated or closed during the audit: audited again when it loads or at the
			// end.
		}
	}

	private static String url(Page page) {
		return page.url().replaceFirst("#.*$", "");
	}

	private static boolean isLoaded(Page page) {
		try {
			return "complete".equals(page.evaluate("() => document.readyState"));
		}
		catch (PlaywrightException ex) {
			return false;
		}
	}

	private static boolean isHtml(Page page) {
		return "text/html".equals(page.evaluate("() => document.contentType"));
	}

}
