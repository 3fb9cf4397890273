package dev.herald.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Herald's own page for the errors Spring's error pages cannot draw, in place of Tomcat's
 * error report:
 * <ul>
 * <li>requests Tomcat refuses while reading them, before any filter or servlet runs: an
 * address or headers larger than {@code server.max-http-request-header-size} (a 36 KB
 * query string, an oversized cookie), or a malformed request. Tomcat answers those 400
 * without mapping them to Herald; this valve answers 414 for an address that is too long,
 * 431 for headers that are too large, 400 otherwise;</li>
 * <li>form posts larger than Tomcat parses
 * ({@code server.tomcat.max-http-form-post-size},
 * {@code spring.servlet.multipart.max-request-size}): every read of a parameter then
 * fails, the error page's own request too (its CSRF check reads one), so Tomcat is left
 * with a 413 and no page.</li>
 * </ul>
 * The page comes in the language the request asks for as far as Tomcat read its headers,
 * else English. Errors that Spring's error pages answered keep their page.
 */
class RejectedRequestValve extends ErrorReportValve {

	/**
	 * What Tomcat's HTTP parser says when the request line and headers outgrow their
	 * buffer.
	 */
	private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	private final Supplier<ITemplateEngine> templates;

	private final Supplier<ResourceUrlProvider> assets;

	RejectedRequestValve(Supplier<ITemplateEngine> templates, Supplier<ResourceUrlProvider> assets) {
		this.templates = templates;
		this.assets = assets;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		int status = (request.getContext() != null) ? response.getStatus() : refusedStatus(request, throwable);
		try {
			response.setStatus(status);
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Content-Security-Policy", ResponseHeaders.CONTENT_SECURITY_POLICY);
			response.setHeader("Permissions-Policy", ResponseHeaders.PERMISSIONS_POLICY);
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(page(messageKey(status, request), locale(request)));
				response.finishResponse();
			}
		}
		catch (IOException | RuntimeException ex) {
			// The client is gone or the page could not be drawn: Tomcat closes the
			// connection.
			this.containerLog.debug("Herald's page for a rejected request failed", ex);
		}
	}

	/**
	 * Why Tomcat refused a request it did not hand to Herald. The request line and the
	 * headers share one buffer: when it overflows before the request line was read, the
	 * address was too long; after, the headers were.
	 */
	private static int refusedStatus(Request request, @Nullable Throwable throwable) {
		if (!(throwable instanceof IllegalArgumentException) || !TOO_LARGE.equals(throwable.getMessage())) {
			return 400;
		}
		return request.getCoyoteRequest().requestURI().isNull() ? 414 : 431;
	}

	/** The texts of a status, such as {@code error.414} for its title and text. */
	private static String messageKey(int status, Request request) {
		return switch (status) {
			case 403, 404, 414, 431 -> "error." + status;
			case 413 -> isMultipart(request) ? "error.413" : "error.413.form";
			default -> (status >= 500) ? "error.5xx" : "error.4xx";
		};
	}

	private static boolean isMultipart(Request request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private String page(String key, Locale locale) {
		ResourceUrlProvider urls = this.assets.get();
		Map<String, Object> variables = Map.of("headingKey", key + ".title", "textKey", key + ".text", "bootstrap",
				asset(urls, "/webjars/bootstrap/css/bootstrap.min.css"), "stylesheet",
				asset(urls, "/assets/css/app.css"), "icon", asset(urls, "/assets/favicon.svg"));
		return this.templates.get().process("error/rejected", new Context(locale, variables));
	}

	private static String asset(ResourceUrlProvider urls, String path) {
		String versioned = urls.getForLookupPath(path);
		return (versioned != null) ? versioned : path;
	}

	/**
	 * The language of the request: the language cookie, else the browser's languages, as
	 * far as Tomcat read the headers before refusing them. The cookie is read from the
	 * raw header because a request that reached no web application has no cookie parser.
	 */
	private static Locale locale(Request request) {
		for (String header : Collections.list(request.getHeaders("Cookie"))) {
			for (String cookie : header.split(";")) {
				String[] pair = cookie.trim().split("=", 2);
				if (pair.length == 2 && WebConfiguration.LANGUAGE_COOKIE.equals(pair[0])) {
					return WebConfiguration.supported(Locale.forLanguageTag(pair[1].replace('_', '-')));
				}
			}
		}
		return (request.getHeader("Accept-Language") != null) ? WebConfiguration.supported(request.getLocale())
				: Locale.ENGLISH;
	}

}
