package dev.herald.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.herald.support.ApplicationTest;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before Herald sees them get Herald's own page, not Tomcat's: an
 * address longer than the 8 KB Tomcat reads (414), headers larger than that (431), in the
 * language the request asks for as far as its headers were read; a malformed request
 * (400) too. So do forms too large for Tomcat to read (413), which Spring's error page
 * cannot draw.
 */
@ApplicationTest
class RejectedRequestTests {

	@Autowired
	private TestUsers users;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aHugeQueryStringGetsHeraldsPageInEnglish() {
		HttpResponse<String> response = get("/reports/deliveries?status=" + "x".repeat(36 * 1024));
		assertThat(response.statusCode()).isEqualTo(414);
		assertHeraldsPage(response);
		assertThat(response.body()).contains("lang=\"en\"", "Address too long");
	}

	@Test
	void hugeHeadersGetHeraldsPageInTheBrowsersLanguage() {
		HttpResponse<String> response = get("/", "Accept-Language", "ja,en;q=0.5", "X-Filler", "x".repeat(20 * 1024));
		assertThat(response.statusCode()).isEqualTo(431);
		assertHeraldsPage(response);
		assertThat(response.body()).contains("lang=\"ja\"", "リクエストが大きすぎます");
	}

	@Test
	void hugeHeadersGetHeraldsPageInTheLanguageChosenInHerald() throws IOException {
		// Written by hand: Java's HTTP client moves cookies behind every other header,
		// where Tomcat would have stopped reading before them.
		String response = raw("GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
				+ "Cookie: herald-tz=Asia%2FShanghai; herald-lang=zh-CN\r\nX-Filler: " + "x".repeat(20 * 1024)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 431 ")
			.contains("lang=\"zh-CN\"", "id=\"error-title\"", "请求太大")
			.doesNotContain("HTTP Status");
	}

	@Test
	void aMalformedRequestGetsHeraldsPage() throws IOException {
		// '{' may not stand unencoded in a request target; no HTTP client sends it.
		String response = raw("GET /reports?q={x} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400 ")
			.contains("id=\"error-title\"", "Request refused")
			.doesNotContain("HTTP Status");
	}

	@Test
	void aFormTooLargeToReadGetsHeraldsPage() {
		// Over server.tomcat.max-http-form-post-size (2 MB): no parameter can be read,
		// not
		// even by the error page's own CSRF check.
		String body = "username=someone&password=" + "x".repeat(2 * 1024 * 1024 + 64 * 1024);
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertHeraldsPage(response);
		assertThat(response.body()).contains("lang=\"zh-CN\"", "表单太大");
	}

	@Test
	void anUploadTooLargeToReadGetsHeraldsPage() {
		WebSession operator = WebSession.signIn(this.port, this.users.create("uploader", "OPERATOR"));
		String csrf = WebSession.csrf(operator.get("/accounts/import").body());
		// Over spring.servlet.multipart.max-file-size (10 MB).
		HttpResponse<String> response = operator.postMultipart("/accounts/import", Map.of("_csrf", csrf), "file",
				"accounts.csv", new byte[10 * 1024 * 1024 + 64 * 1024]);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("id=\"error-title\"", "File too large").doesNotContain("HTTP Status");
	}

	private static void assertHeraldsPage(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().firstValue("Permissions-Policy")).isPresent();
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(response.body()).contains("id=\"error-title\"", "/assets/css/app-")
			.doesNotContain("HTTP Status", "Tomcat");
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
