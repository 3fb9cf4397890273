package dev.herald.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Callbacks as Tencent sends them, over real HTTP: the query Tencent adds to the
 * configured URL and, once a callback token is set, {@code RequestTime} and
 * {@code Sign = hex(sha256(token + RequestTime))}, computed here independently of
 * Herald's code.
 */
public final class TencentCallbacks {

	/** The callback token test apps are created with. */
	public static final String TOKEN = "tests-only-callback-token";

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	public TencentCallbacks(int port) {
		this.port = port;
	}

	public static String sign(String token, long requestTime) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((token + requestTime).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The query of an unsigned callback. */
	public static String unsigned(long sdkAppId, String command) {
		return "SdkAppid=" + sdkAppId + "&CallbackCommand=" + URLEncoder.encode(command, StandardCharsets.UTF_8)
				+ "&contenttype=json&ClientIP=203.0.113.7&OptPlatform=RESTAPI";
	}

	/** The query of a callback signed with the token at the given time. */
	public static String signed(long sdkAppId, String command, String token, Instant at) {
		long requestTime = at.getEpochSecond();
		return unsigned(sdkAppId, command) + "&RequestTime=" + requestTime + "&Sign=" + sign(token, requestTime);
	}

	/**
	 * Posts a callback.
	 * @param query the query, e.g. from {@link #signed}
	 * @param body the JSON body
	 * @return the answer
	 */
	public HttpResponse<String> post(String query, String body) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/callbacks/tencent?" + query))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
