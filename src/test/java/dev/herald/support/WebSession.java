package dev.herald.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser session over real HTTP (cookies, CSRF tokens, Spring Session in
 * PostgreSQL), without a browser: for tests that fire the same form several times at
 * once, as two tabs or a double-click do.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\"\\s+name=\"([^\"]*)\"\\s+value=\"([^\"]*)\"");

	private final HttpClient http;

	private final String base;

	private WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Signs in through the login form.
	 * @param port the application's port
	 * @param username the user (password {@link TestUsers#PASSWORD})
	 * @return the session
	 */
	public static WebSession signIn(int port, String username) {
		WebSession session = new WebSession(port);
		String csrf = csrf(session.get("/login").body());
		HttpResponse<String> response = session.post("/login",
				Map.of("username", username, "password", TestUsers.PASSWORD, "_csrf", csrf));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Sign-in failed: " + response.statusCode());
		}
		return session;
	}

	/**
	 * A session that has not signed in, for the pages everybody sees.
	 * @param port the application's port
	 * @return the session
	 */
	public static WebSession anonymous(int port) {
		return new WebSession(port);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	/**
	 * Sends a request without a body in any method and with extra headers, and keeps the
	 * response body as the bytes sent (a compressed body stays compressed).
	 * @param method the method, for example {@code HEAD}
	 * @param path the path
	 * @param headers header names and values, alternating
	 * @return the response (redirects are not followed)
	 */
	public HttpResponse<byte[]> exchange(String method, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Gets a page as a browser asks for it (accepting HTML first), so that errors come as
	 * Herald's error pages rather than as JSON.
	 * @param path the path
	 * @return the response (redirects are not followed)
	 */
	public HttpResponse<String> getPage(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.GET()
			.build());
	}

	/**
	 * Posts a form, url-encoded.
	 * @param path the path
	 * @param fields the fields
	 * @return the response (redirects are not followed)
	 */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return post(path, List.copyOf(fields.entrySet()));
	}

	/**
	 * Posts a form, url-encoded, whose fields may repeat (checkboxes).
	 * @param path the path
	 * @param fields the fields, in order
	 * @return the response (redirects are not followed)
	 */
	public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Says yes to Herald's confirmation page: posts its form's hidden fields (what was
	 * posted first, {@code confirmed=true} and the CSRF token) to its action, as its
	 * button does.
	 * @param question the confirmation page
	 * @return the response (redirects are not followed)
	 */
	public HttpResponse<String> confirm(HttpResponse<String> question) {
		String html = question.body();
		String form = formTag(html, "id=\"confirm-form\"");
		String rest = html.substring(html.indexOf(form), html.indexOf("</form>", html.indexOf(form)));
		Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(form);
		if (!action.find()) {
			throw new IllegalStateException("The confirmation form has no action");
		}
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		Matcher hidden = HIDDEN.matcher(rest);
		while (hidden.find()) {
			fields.add(Map.entry(unescape(hidden.group(1)), unescape(hidden.group(2))));
		}
		return post(unescape(action.group(1)), fields);
	}

	/**
	 * The opening tag of a page's first form whose tag contains {@code attribute}, such
	 * as {@code action="/runs/7/cancel"}.
	 * @param html the page
	 * @param attribute part of the tag
	 * @return the tag
	 */
	public static String formTag(String html, String attribute) {
		Matcher forms = Pattern.compile("<form\\b[^>]*>").matcher(html);
		while (forms.find()) {
			if (forms.group().contains(attribute)) {
				return forms.group();
			}
		}
		throw new IllegalStateException("No form with " + attribute + " in the page");
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	/**
	 * Posts a form as {@code multipart/form-data} with one file, the bytes sent as they
	 * are (no re-encoding), as a browser uploads them.
	 * @param path the path
	 * @param fields the text fields
	 * @param fileField the file field's name
	 * @param fileName the file's name
	 * @param content the file's bytes
	 * @return the response (redirects are not followed)
	 */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
			String fileName, byte[] content) {
		String boundary = "----herald" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: text/csv\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The CSRF token of a page's first form.
	 * @param html the page
	 * @return the token
	 */
	public static String csrf(String html) {
		return field(html, "_csrf");
	}

	/**
	 * The value of a hidden field, as Thymeleaf renders it.
	 * @param html the page
	 * @param name the field's name
	 * @return its value
	 */
	public static String field(String html, String name) {
		Matcher matcher = (name.equals("_csrf") ? CSRF
				: Pattern.compile("name=\"" + Pattern.quote(name) + "\"\\s+value=\"([^\"]*)\""))
			.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No field " + name + " in the page");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
