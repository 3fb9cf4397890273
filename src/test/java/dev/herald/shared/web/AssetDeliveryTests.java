package dev.herald.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import dev.herald.support.ApplicationTest;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files over real HTTP, as a browser gets them: pages link content-hashed URLs,
 * which are cached for a year, while pages themselves are never stored; text travels
 * gzip-compressed when the browser asks; {@code /favicon.ico} exists.
 */
@ApplicationTest
class AssetDeliveryTests {

	private static final Logger logger = LoggerFactory.getLogger(AssetDeliveryTests.class);

	/** What a browser says it accepts. */
	private static final String BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

	private static final Pattern ASSET_LINK = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");

	private static final Pattern CONTENT_HASH = Pattern.compile("-[0-9a-f]{32}\\.[a-z]+$");

	@Autowired
	private TestUsers users;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void pagesLinkContentHashedAssetsThatAreCachedForAYear() {
		WebSession analyst = WebSession.signIn(this.port, this.users.create("cacher", "ANALYST"));
		HttpResponse<byte[]> dashboard = analyst.exchange("GET", "/");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		Set<String> assets = assetLinks(text(dashboard));
		// The layout's stylesheets and scripts, the icon, and the dashboard's charts.
		assertThat(assets).anyMatch((url) -> url.contains("/bootstrap/"))
			.anyMatch((url) -> url.startsWith("/assets/css/app-"))
			.anyMatch((url) -> url.startsWith("/assets/favicon-"))
			.anyMatch((url) -> url.contains("/echarts/"));
		for (String url : assets) {
			assertThat(url).as("asset link").containsPattern(CONTENT_HASH);
			HttpResponse<byte[]> asset = get(url);
			assertThat(asset.statusCode()).as(url).isEqualTo(200);
			assertThat(asset.headers().firstValue("Cache-Control")).as(url)
				.hasValue("max-age=31536000, public, immutable");
		}
		// A webjar is linked at its version too, so an upgrade changes the URL even where
		// the content hash would not be looked at.
		assertThat(assets).anyMatch((url) -> url.matches("/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/.*"));
	}

	@Test
	void aHashThatDoesNotMatchTheContentIsNotServed() {
		String wrong = "/assets/css/app-0123456789abcdef0123456789abcdef.css";
		HttpResponse<byte[]> response = get(wrong);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Test
	void textIsCompressedWhenTheBrowserAsksForIt() throws IOException {
		WebSession analyst = WebSession.signIn(this.port, this.users.create("zipper", "ANALYST"));
		HttpResponse<byte[]> plain = analyst.exchange("GET", "/");
		HttpResponse<byte[]> compressed = analyst.exchange("GET", "/", "Accept-Encoding", BROWSER_ENCODINGS);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.headers().allValues("Vary")).anyMatch((vary) -> vary.equalsIgnoreCase("Accept-Encoding"));
		assertThat(gunzip(compressed.body())).contains("id=\"report-charts\"");

		// The page's own bytes and every asset it links, as a first visit fetches them.
		long plainBytes = plain.body().length;
		long compressedBytes = compressed.body().length;
		for (String url : assetLinks(text(plain))) {
			HttpResponse<byte[]> raw = get(url);
			HttpResponse<byte[]> zipped = get(url, "Accept-Encoding", BROWSER_ENCODINGS);
			plainBytes += raw.body().length;
			compressedBytes += zipped.body().length;
			// Below 1 KB compression saves less than it costs.
			if (raw.body().length > 1024) {
				assertThat(zipped.headers().firstValue("Content-Encoding")).as(url).hasValue("gzip");
				assertThat(gunzip(zipped.body())).as(url).isEqualTo(new String(raw.body(), StandardCharsets.UTF_8));
			}
		}
		logger.info("Dashboard on a first visit: {} bytes uncompressed, {} bytes gzip; the page alone {} and {} bytes",
				plainBytes, compressedBytes, plain.body().length, compressed.body().length);
		assertThat(compressedBytes).isLessThan(plainBytes / 3);
	}

	@Test
	void theFaviconIsThereForBrowsersThatAskWithoutReadingThePage() {
		HttpResponse<byte[]> icon = get("/favicon.ico");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).isIn("image/x-icon", "image/vnd.microsoft.icon"));
		// An ICO file: reserved 0, type 1 (icon).
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
		assertThat(icon.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");
	}

	@Test
	void unversionedAssetUrlsStillAnswer() {
		for (String url : List.of("/assets/css/app.css", "/assets/favicon.svg", "/webjars/htmx.org/dist/htmx.min.js")) {
			assertThat(get(url).statusCode()).as(url).isEqualTo(200);
		}
	}

	private static Set<String> assetLinks(String html) {
		Set<String> links = new LinkedHashSet<>();
		Matcher matcher = ASSET_LINK.matcher(html);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

	private HttpResponse<byte[]> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
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

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
