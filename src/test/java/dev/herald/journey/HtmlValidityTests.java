package dev.herald.journey;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.herald.staff.Role;
import dev.herald.support.ApplicationTest;
import dev.herald.support.WebSession;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page kind, as each role gets it over HTTP, is valid HTML by the Nu Html Checker
 * (the W3C's validator, run in-process): any error fails with its message, line and page.
 */
@ApplicationTest
class HtmlValidityTests {

	/** The checker's schema for HTML with SVG and MathML, bundled in its jar. */
	private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

	/**
	 * The checker's RELAX NG machinery recurses deeply; it runs on a thread of its own
	 * with a stack large enough for it.
	 */
	private static final ExecutorService CHECKER = Executors
		.newSingleThreadExecutor((task) -> new Thread(null, task, "nu-html-checker", 64L << 20));

	private static SimpleDocumentValidator validator;

	private static final List<String> errors = new ArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	private PageTour tour;

	@BeforeAll
	static void setUpChecker() throws Exception {
		CHECKER.submit(HtmlValidityTests::setUp).get();
	}

	@AfterAll
	static void stopChecker() {
		CHECKER.shutdown();
	}

	private static Void setUp() throws Exception {
		ErrorHandler collect = new ErrorHandler() {

			@Override
			public void warning(SAXParseException ex) {
				// Warnings are advice, except one the issue asks for: one heading per
				// section.
				if (ex.getMessage().startsWith("Section lacks heading")) {
					error(ex);
				}
			}

			@Override
			public void error(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
			}

			@Override
			public void fatalError(SAXParseException ex) {
				error(ex);
			}

		};
		validator = new SimpleDocumentValidator(true, false, true);
		validator.setUpMainSchema(HTML_SCHEMA, collect);
		validator.setUpValidatorAndParsers(collect, false, false);
		return null;
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "OPERATOR", "EDITOR", "ANALYST", "ADMIN" })
	void everyPageKindOfTheRoleIsValidHtml(Role role) {
		WebSession session = WebSession.signIn(this.port, this.tour.user(role));
		List<String> problems = new ArrayList<>();
		for (PageTour.Stop stop : this.tour.stopsFor(role)) {
			check(session, stop, problems);
		}
		assertThat(problems).as("Nu Html Checker errors for " + role).isEmpty();
	}

	@Test
	void thePagesBeforeSigningInAreValidHtml() {
		WebSession session = WebSession.anonymous(this.port);
		List<String> problems = new ArrayList<>();
		for (PageTour.Stop stop : PageTour.publicStops()) {
			check(session, stop, problems);
		}
		assertThat(problems).isEmpty();
	}

	private static void check(WebSession session, PageTour.Stop stop, List<String> problems) {
		HttpResponse<String> response = session.getPage(stop.path());
		if (response.statusCode() != stop.status()) {
			problems.add(stop + " answered " + response.statusCode() + " instead of " + stop.status());
		}
		for (String error : validate(response.body())) {
			problems.add(stop + " " + error);
		}
	}

	private static List<String> validate(String html) {
		try {
			return CHECKER.submit(() -> {
				errors.clear();
				try {
					validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
				}
				catch (IOException | SAXException ex) {
					errors.add("not checked: " + ex.getMessage());
				}
				return List.copyOf(errors);
			}).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
