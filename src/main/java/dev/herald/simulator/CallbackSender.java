package dev.herald.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls an app's callback URL the way Tencent does: a POST of JSON with {@code SdkAppid},
 * {@code CallbackCommand}, {@code contenttype}, {@code ClientIP} and {@code OptPlatform}
 * in the query, plus {@code Sign} and {@code RequestTime} when the app has a callback
 * token ({@code Sign = hex(sha256(token + RequestTime))}). Calls are asynchronous, like
 * Tencent's, and never hold up the API's answer.
 */
final class CallbackSender {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Clock clock;

	private final JsonMapper json;

	private final Map<Long, AtomicLong> accepted = new ConcurrentHashMap<>();

	private final Map<Long, AtomicLong> sent = new ConcurrentHashMap<>();

	CallbackSender(Clock clock, JsonMapper json) {
		this.clock = clock;
		this.json = json;
	}

	/**
	 * Sends one callback if the app has a callback URL.
	 * @param spec the app
	 * @param command e.g. {@code OfficialAccount.CallbackAfterSendMsg}
	 * @param body the callback's fields (the command is added)
	 */
	void send(AppSpec spec, String command, Map<String, Object> body) {
		String url = spec.callbackUrl();
		if (url == null) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("CallbackCommand", command);
		fields.putAll(body);
		StringBuilder query = new StringBuilder(url).append(url.contains("?") ? '&' : '?')
			.append("SdkAppid=")
			.append(spec.sdkAppId())
			.append("&CallbackCommand=")
			.append(URLEncoder.encode(command, StandardCharsets.UTF_8))
			.append("&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI");
		if (spec.callbackToken() != null) {
			String requestTime = String.valueOf(this.clock.millis() / 1000);
			query.append("&RequestTime=")
				.append(requestTime)
				.append("&Sign=")
				.append(sign(spec.callbackToken(), requestTime));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(query.toString()))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(fields)))
			.build();
		this.sent.computeIfAbsent(spec.sdkAppId(), (id) -> new AtomicLong()).incrementAndGet();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenAccept((response) -> {
			if (response.statusCode() == 200 && answeredOk(response.body())) {
				this.accepted.computeIfAbsent(spec.sdkAppId(), (id) -> new AtomicLong()).incrementAndGet();
			}
		});
	}

	/** Callbacks sent for an app, whatever the answer. */
	long sent(long sdkAppId) {
		AtomicLong count = this.sent.get(sdkAppId);
		return (count != null) ? count.get() : 0;
	}

	/** Callbacks for an app that were answered with HTTP 200 and {@code ErrorCode} 0. */
	long accepted(long sdkAppId) {
		AtomicLong count = this.accepted.get(sdkAppId);
		return (count != null) ? count.get() : 0;
	}

	void reset() {
		this.sent.clear();
		this.accepted.clear();
	}

	private boolean answeredOk(byte[] body) {
		try {
			JsonNode answer = this.json.readTree(body);
			return answer.path("ErrorCode").asInt(-1) == 0;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String sign(String token, String requestTime) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((token + requestTime).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
