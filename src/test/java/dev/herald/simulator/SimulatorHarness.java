package dev.herald.simulator;

import dev.herald.support.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the standalone simulator in-process on a free port, with a clock the test moves,
 * and talks real HTTP to it.
 */
final class SimulatorHarness implements AutoCloseable {

	static final long APP_ID = 1_400_000_000L;

	static final String ADMIN = "administrator";

	static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	static final String ALPHA = "@TOA#_alpha";

	static final String BETA = "@TOA#_beta";

	static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	final MutableClock clock = new MutableClock(START);

	final JsonMapper json = JsonMapper.builder().build();

	private final SimulatorServer server;

	private final SimulatorDirectory directory;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	SimulatorHarness() {
		this(new AppSpec(APP_ID, ADMIN, KEY, 0, null, 0,
				List.of(new AccountSpec(ALPHA, "Alpha", 1200), new AccountSpec(BETA, "Beta", 30)), null, null));
	}

	SimulatorHarness(AppSpec app) {
		OfficialAccountSimulator simulator = new OfficialAccountSimulator(this.clock, List.of(app));
		try {
			this.server = SimulatorServer.start(new InetSocketAddress("127.0.0.1", 0), 8, simulator);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.directory = new SimulatorDirectory(simulator);
	}

	/** The public Java API on the same simulator, as Herald's tests use it. */
	SimulatorDirectory directory() {
		return this.directory;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** The query string of a correctly signed call. */
	Map<String, String> signedQuery() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("sdkappid", Long.toString(APP_ID));
		query.put("identifier", ADMIN);
		query.put("usersig", TestUserSig.generate(APP_ID, ADMIN, KEY, this.clock.millis() / 1000, 86_400));
		query.put("random", "12345");
		query.put("contenttype", "json");
		return query;
	}

	Reply call(String command, String body) {
		return call(command, signedQuery(), body);
	}

	Reply call(String command, Map<String, String> query, String body) {
		String queryString = query.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("&"));
		return exchange(HttpRequest
			.newBuilder(URI.create(baseUrl() + "/v4/official_account_open_http_svc/" + command + "?" + queryString))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(5))
			.build());
	}

	Reply send(String officialAccount, long random, String text, String cloudCustomData) {
		return call(OfficialAccountSimulator.SEND, sendBody(officialAccount, random, text, cloudCustomData));
	}

	static String sendBody(String officialAccount, long random, String text, String cloudCustomData) {
		return """
				{"Official_Account":"%s","Random":%d,
				 "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"%s"}}],
				 "CloudCustomData":"%s"}""".formatted(officialAccount, random, text, cloudCustomData);
	}

	Reply admin(String method, String path, String body) {
		return exchange(HttpRequest.newBuilder(URI.create(baseUrl() + "/sim/admin" + path))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(5))
			.build());
	}

	JsonNode counts() {
		return admin("GET", "/counts", "").json();
	}

	long broadcasts(String officialAccount) {
		return counts().path("apps")
			.path(Long.toString(APP_ID))
			.path("accounts")
			.path(officialAccount)
			.path("broadcasts")
			.asLong();
	}

	JsonNode commandCounts(String command) {
		return counts().path("apps").path(Long.toString(APP_ID)).path("commands").path(command);
	}

	Reply exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), this.json);
		}
		catch (IOException ex) {
			throw new UncheckedLost(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpClient http() {
		return this.http;
	}

	@Override
	public void close() {
		this.server.close();
	}

	/** An HTTP answer. */
	record Reply(int status, String body, JsonMapper mapper) {

		JsonNode json() {
			return this.mapper.readTree(this.body);
		}

		int errorCode() {
			return json().path("ErrorCode").asInt(-1);
		}

	}

	/** The connection broke before an answer came. */
	static final class UncheckedLost extends RuntimeException {

		UncheckedLost(IOException cause) {
			super(cause);
		}

	}

}
