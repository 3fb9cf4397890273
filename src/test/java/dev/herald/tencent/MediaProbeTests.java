package dev.herald.tencent;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The media probe against a real HTTP server inside the test, serving a real PNG. The
 * server listens on loopback, which the production guard refuses; these tests give the
 * probe a guard that also allows loopback (and a name, {@code media.test}, that resolves
 * to it), and check the refusal with the production guard.
 */
class MediaProbeTests {

	private static final MediaProbeProperties LIMITS = new MediaProbeProperties(Duration.ofSeconds(2),
			Duration.ofMillis(800), Duration.ofSeconds(10), DataSize.ofMegabytes(1), 3);

	private static final byte[] PNG = png(640, 480);

	private static final CountDownLatch RELEASE = new CountDownLatch(1);

	private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

	private static final Map<String, String> HOSTS = new ConcurrentHashMap<>();

	private static HttpServer server;

	private static ExecutorService executor;

	private static int port;

	private final AtomicInteger lookups = new AtomicInteger();

	/** Loopback is allowed here so that the test server can be reached. */
	private final MediaProbe probe = new MediaProbe(LIMITS, new OutboundUrlGuard(
			(address) -> address.isLoopbackAddress() || OutboundUrlGuard.isPublic(address), (host) -> {
				this.lookups.incrementAndGet();
				return "media.test".equals(host) ? new InetAddress[] { InetAddress.getLoopbackAddress() }
						: InetAddress.getAllByName(host);
			}));

	@BeforeAll
	static void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		server.createContext("/", MediaProbeTests::answer);
		server.start();
		port = server.getAddress().getPort();
	}

	@AfterAll
	static void stop() {
		RELEASE.countDown();
		server.stop(0);
		executor.shutdownNow();
	}

	@Test
	void measuresAnImageFromItsHeaderAndTheSizeFromHead() throws MediaProbeException {
		MediaFacts facts = this.probe.probe(url("/image.png"), true);

		assertThat(facts.size()).isEqualTo(PNG.length);
		assertThat(facts.image()).isEqualTo(new MediaFacts.Image(640, 480, "png"));
		assertThat(facts.image().imageFormat()).isEqualTo(3);
		assertThat(facts.contentType()).isEqualTo("image/png");
		assertThat(facts.fileName()).isEqualTo("image.png");
	}

	@Test
	void aFileWhoseHeadTellsItsSizeIsNeverDownloaded() throws MediaProbeException {
		MediaFacts facts = this.probe.probe(url("/files/report.pdf"), false);

		assertThat(facts.size()).isEqualTo(123_456);
		assertThat(facts.fileName()).isEqualTo("Quarterly report.pdf");
		assertThat(REQUESTS).filteredOn((request) -> request.endsWith(" /files/report.pdf"))
			.containsExactly("HEAD /files/report.pdf");
	}

	@Test
	void withoutHeadTheSizeIsCountedFromTheBody() throws MediaProbeException {
		MediaFacts facts = this.probe.probe(url("/nohead/clip.mp4"), false);

		assertThat(facts.size()).isEqualTo(54_321);
		assertThat(facts.suffix()).isEqualTo("mp4");
	}

	@Test
	void readsOnlyTheImageHeaderWhenTheSizeIsKnown() {
		// The server sends the header, then holds the rest back until the test ends.
		MediaFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> this.probe.probe(url("/held/photo.png"), true));
		assertThat(facts.image()).isEqualTo(new MediaFacts.Image(640, 480, "png"));
		assertThat(facts.size()).isEqualTo(900_000);
	}

	@Test
	void connectsToTheAddressTheGuardCheckedFromOneLookup() throws MediaProbeException {
		MediaFacts facts = this.probe.probe("http://media.test:" + port + "/image.png", true);

		assertThat(facts.image()).isNotNull();
		assertThat(HOSTS.get("/image.png")).isEqualTo("media.test:" + port);
		assertThat(this.lookups).as("HEAD and GET share one checked lookup").hasValue(1);
	}

	@Test
	void followsARedirectAndChecksEveryHop() throws MediaProbeException {
		assertThat(this.probe.probe(url("/redirect/image"), true).image()).isNotNull();

		assertThatExceptionOfType(MediaProbeException.class)
			.isThrownBy(() -> this.probe.probe(url("/redirect/private"), true))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(MediaProbeException.Problem.REFUSED_ADDRESS));
		assertThatExceptionOfType(MediaProbeException.class)
			.isThrownBy(() -> this.probe.probe(url("/redirect/metadata"), false))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(MediaProbeException.Problem.REFUSED_ADDRESS));
		assertThatExceptionOfType(MediaProbeException.class)
			.isThrownBy(() -> this.probe.probe(url("/redirect/ftp"), false))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(MediaProbeException.Problem.INVALID_URL));
		assertThatExceptionOfType(MediaProbeException.class)
			.isThrownBy(() -> this.probe.probe(url("/redirect/loop"), false))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(MediaProbeException.Problem.TOO_MANY_REDIRECTS));
	}

	@Test
	void namesWhatWentWrong() {
		assertProblem("/missing.png", true, MediaProbeException.Problem.HTTP_STATUS);
		assertThatExceptionOfType(MediaProbeException.class)
			.isThrownBy(() -> this.probe.probe(url("/missing.png"), true))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404));
		assertProblem("/notes.txt", true, MediaProbeException.Problem.NOT_AN_IMAGE);
		assertProblem("/declared-huge.bin", false, MediaProbeException.Problem.TOO_LARGE);
		assertProblem("/nohead/endless.bin", false, MediaProbeException.Problem.TOO_LARGE);
		assertProblem("/slow.png", true, MediaProbeException.Problem.TIMEOUT);
		assertThatExceptionOfType(MediaProbeException.class)
			.isThrownBy(() -> this.probe.probe("http://no-such-host.invalid/a.png", true))
			.satisfies((ex) -> assertThat(ex.problem()).isIn(MediaProbeException.Problem.UNKNOWN_HOST,
					MediaProbeException.Problem.UNREACHABLE));
	}

	@Test
	void theProductionGuardRefusesLoopbackBeforeAnyRequest() {
		MediaProbe production = new MediaProbe(LIMITS);
		for (String url : List.of(url("/guarded.png"), "http://localhost:" + port + "/guarded.png",
				"http://[::1]:" + port + "/guarded.png", "http://2130706433:" + port + "/guarded.png",
				"http://169.254.169.254/latest/meta-data/")) {
			assertThatExceptionOfType(MediaProbeException.class).as(url)
				.isThrownBy(() -> production.probe(url, true))
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(MediaProbeException.Problem.REFUSED_ADDRESS));
		}
		assertThat(REQUESTS).noneMatch((request) -> request.endsWith(" /guarded.png"));
	}

	private void assertProblem(String path, boolean image, MediaProbeException.Problem problem) {
		assertThatExceptionOfType(MediaProbeException.class).as(path)
			.isThrownBy(() -> this.probe.probe(url(path), image))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(problem));
	}

	private static String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		REQUESTS.add(exchange.getRequestMethod() + " " + path);
		HOSTS.put(path, exchange.getRequestHeaders().getFirst("Host"));
		try (exchange) {
			switch (path) {
				case "/image.png" -> send(exchange, head, "image/png", PNG);
				case "/files/report.pdf" -> {
					exchange.getResponseHeaders()
						.set("Content-Disposition", "attachment; filename=\"Quarterly report.pdf\"");
					exchange.getResponseHeaders().set("Content-Length", "123456");
					exchange.sendResponseHeaders(200, head ? -1 : 123_456);
					if (!head) {
						exchange.getResponseBody().write(new byte[123_456]);
					}
				}
				case "/nohead/clip.mp4" -> streamed(exchange, head, new byte[54_321]);
				case "/nohead/endless.bin" -> streamed(exchange, head, new byte[3 * 1024 * 1024]);
				case "/held/photo.png" -> {
					exchange.getResponseHeaders().set("Content-Type", "image/png");
					exchange.getResponseHeaders().set("Content-Length", "900000");
					exchange.sendResponseHeaders(200, head ? -1 : 900_000);
					if (!head) {
						OutputStream body = exchange.getResponseBody();
						// signature and IHDR: all a reader needs for the dimensions
						body.write(PNG, 0, 64);
						body.flush();
						await(RELEASE);
					}
				}
				case "/redirect/image" -> redirect(exchange, "/image.png");
				case "/redirect/private" -> redirect(exchange, "http://10.0.0.1:" + port + "/image.png");
				case "/redirect/metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
				case "/redirect/ftp" -> redirect(exchange, "ftp://127.0.0.1/image.png");
				case "/redirect/loop" -> redirect(exchange, "/redirect/loop");
				case "/notes.txt" -> send(exchange, head, "text/plain", "just text".getBytes(StandardCharsets.UTF_8));
				case "/declared-huge.bin" -> {
					exchange.getResponseHeaders().set("Content-Length", String.valueOf(10L * 1024 * 1024 * 1024));
					exchange.sendResponseHeaders(200, -1);
				}
				case "/slow.png" -> {
					await(new CountDownLatch(1), 2);
					send(exchange, head, "image/png", PNG);
				}
				default -> exchange.sendResponseHeaders(404, -1);
			}
		}
	}

	private static void send(HttpExchange exchange, boolean head, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		if (head) {
			exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
			exchange.sendResponseHeaders(200, -1);
			return;
		}
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	/** HEAD not allowed; GET without a length (chunked). */
	private static void streamed(HttpExchange exchange, boolean head, byte[] body) throws IOException {
		if (head) {
			exchange.sendResponseHeaders(405, -1);
			return;
		}
		exchange.sendResponseHeaders(200, 0);
		try {
			exchange.getResponseBody().write(body);
		}
		catch (IOException ex) {
			// the probe stopped reading at its cap
		}
	}

	private static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(302, -1);
	}

	private static void await(CountDownLatch latch) {
		await(latch, 10);
	}

	/**
	 * Holds a server thread (never a test thread): the release or the time, whichever
	 * comes first.
	 */
	private static void await(CountDownLatch latch, int seconds) {
		try {
			latch.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			image.setRGB(x, x * height / width, 0x336699);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

}
