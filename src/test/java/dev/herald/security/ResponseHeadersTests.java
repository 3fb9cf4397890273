package dev.herald.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.herald.support.ApplicationTest;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headers over real HTTP: {@code HEAD} answers as {@code GET} does for every role, every
 * response carries a {@code Permissions-Policy}, and a request that arrived over TLS,
 * directly or through a trusted proxy's {@code X-Forwarded-Proto}, gets a {@code Secure}
 * session cookie and HSTS while a plain one gets neither.
 */
@ApplicationTest
class ResponseHeadersTests {

	/** Reports, the audit log, and a page of every other kind. */
	private static final List<String> PAGES = List.of("/reports", "/reports/deliveries", "/reports/charts",
			"/reports/deliveries/export", "/reports/runs/999999999", "/reports/campaigns/999999999", "/audit",
			"/audit/export", "/", "/campaigns", "/campaigns/calendar", "/campaigns/new", "/runs/999999999", "/drafts",
			"/drafts/new", "/drafts/review", "/accounts", "/admin/users", "/account/password", "/login",
			"/assets/css/app.css", "/favicon.ico", "/no-such-page");

	@Autowired
	private TestUsers users;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void headAnswersAsGetDoesForEveryRole() {
		Map<String, WebSession> sessions = new LinkedHashMap<>();
		for (String role : List.of("ADMIN", "OPERATOR", "EDITOR", "ANALYST")) {
			sessions.put(role, WebSession.signIn(this.port, this.users.create("head-" + role.toLowerCase(), role)));
		}
		List<String> wrong = new ArrayList<>();
		for (String page : PAGES) {
			compare(page, "anonymous", request(page, "HEAD"), request(page, "GET"), wrong);
			sessions.forEach((role, session) -> compare(page, role, session.exchange("HEAD", page),
					session.exchange("GET", page), wrong));
		}
		assertThat(wrong).isEmpty();
	}

	private static void compare(String page, String who, HttpResponse<byte[]> head, HttpResponse<byte[]> get,
			List<String> wrong) {
		if (head.statusCode() != get.statusCode() || head.body().length != 0) {
			wrong.add(page + " as " + who + ": HEAD " + head.statusCode() + " (" + head.body().length + " bytes), GET "
					+ get.statusCode());
		}
	}

	@Test
	void everyResponseCarriesAPermissionsPolicy() {
		WebSession operator = WebSession.signIn(this.port, this.users.create("policy", "OPERATOR"));
		List<HttpResponse<byte[]>> responses = List.of(request("/login", "GET"), request("/assets/css/app.css", "GET"),
				request("/no-such-page", "GET"), operator.exchange("GET", "/"),
				operator.exchange("GET", "/admin/users"), operator.exchange("GET", "/campaigns/999999999"));
		for (HttpResponse<byte[]> response : responses) {
			assertThat(response.headers().firstValue("Permissions-Policy")).as(response.uri().getPath())
				.hasValueSatisfying((policy) -> assertThat(policy).contains("camera=()", "microphone=()",
						"geolocation=()", "payment=()", "usb=()"));
		}
	}

	@Test
	void tlsAtATrustedProxyGivesASecureCookieAndHsts() {
		HttpResponse<byte[]> proxied = request("/login", "GET", "X-Forwarded-Proto", "https");
		assertThat(sessionCookie(proxied)).hasValueSatisfying((cookie) -> assertThat(cookie).contains("; Secure"));
		assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));

		HttpResponse<byte[]> plain = request("/login", "GET");
		assertThat(sessionCookie(plain)).hasValueSatisfying((cookie) -> assertThat(cookie).doesNotContain("Secure"));
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void forwardedHeadersFromAnAddressThatIsNoTrustedProxyAreIgnored() throws SocketException {
		// Only loopback is a trusted proxy by default: reach Herald through another
		// address
		// of this machine, where it listens too.
		Optional<InetAddress> address = NetworkInterface.networkInterfaces()
			.filter((network) -> isUp(network))
			.flatMap(NetworkInterface::inetAddresses)
			.filter((candidate) -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress())
			.findFirst();
		assumeTrue(address.isPresent(), "no address besides loopback");
		URI uri = URI.create("http://" + address.get().getHostAddress() + ":" + this.port + "/login");
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).header("X-Forwarded-Proto", "https"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(sessionCookie(response)).hasValueSatisfying((cookie) -> assertThat(cookie).doesNotContain("Secure"));
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp();
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static Optional<String> sessionCookie(HttpResponse<byte[]> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst();
	}

	private HttpResponse<byte[]> request(String path, String method, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
