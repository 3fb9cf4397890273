package dev.herald.tencent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The one way Herald talks to Tencent's Official Account REST API. Every call ends in a
 * {@link CallResult}, classified from the response body; remote failures never surface as
 * exceptions. The UserSig is cached per app, renewed ahead of expiry, and renewed once
 * more when Tencent answers 70001.
 *
 * <p>
 * Built directly on Apache HttpClient's classic (blocking) API with a connection pool
 * rather than on {@code RestClient} or the JDK client: its exceptions tell a connect
 * failure (request never left) from a response timeout (request may have landed), which
 * decides between "retry" and "in doubt", and it costs a fraction of the JDK client's CPU
 * per call, which bounds the delivery engine's throughput. Its exceptions never quote the
 * request URI, which carries the UserSig, and everything printed here is redacted anyway.
 */
public class TencentChatClient implements AutoCloseable {

	static final String SERVICE = "official_account_open_http_svc";

	static final String SEND = "send_official_account_msg";

	static final String RECALL = "official_account_msg_recall";

	static final String GET_INFO = "get_official_account_info";

	static final String GET_SIMPLE = "official_account_msg_get_simple";

	private static final Logger logger = LoggerFactory.getLogger(TencentChatClient.class);

	/** Pooled keep-alive connections, all hosts together. */
	private static final int MAX_CONNECTIONS = 256;

	/** Far more than any API answer; a bigger body is not read into memory. */
	private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

	private static final ContentType JSON = ContentType.APPLICATION_JSON;

	private final CloseableHttpClient http;

	private final Duration responseTimeout;

	private final Timeout connectTimeout;

	private final UserSigCache userSigs;

	public TencentChatClient(TencentProperties properties, Clock clock) {
		this.connectTimeout = Timeout.of(properties.connectTimeout());
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(this.connectTimeout)
				.setSocketTimeout(Timeout.of(properties.responseTimeout()))
				// A keep-alive connection idle this long is checked before reuse, so
				// a connection the server closed does not turn a send into "in doubt".
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.build())
			.setMaxConnTotal(MAX_CONNECTIONS)
			.setMaxConnPerRoute(MAX_CONNECTIONS)
			.build();
		// No automatic retries or redirects: the delivery engine decides every resend.
		this.http = HttpClients.custom()
			.setConnectionManager(connections)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableConnectionState()
			.disableContentCompression()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.setUserAgent("Herald")
			.build();
		this.responseTimeout = properties.responseTimeout();
		this.userSigs = new UserSigCache(clock, properties.userSigLifetime(), properties.userSigRenewAhead());
	}

	/**
	 * Broadcasts a message to all subscribers of its OA. The body is sent exactly as
	 * given (its {@code Random} included), so repeating a call repeats the same bytes.
	 * @throws IllegalArgumentException if the message cannot be serialised (validate
	 * first)
	 */
	public CallResult<SendMsgResponse> send(ChatAppConnection app, OfficialAccountMessage message) {
		return call(app, SEND, message, SendMsgResponse.class, this.responseTimeout);
	}

	/**
	 * {@link #send(ChatAppConnection, OfficialAccountMessage)} with a response timeout of
	 * the caller's choosing (the delivery engine's own setting).
	 * @param responseTimeout limit from sending the request to the complete response
	 */
	public CallResult<SendMsgResponse> send(ChatAppConnection app, OfficialAccountMessage message,
			Duration responseTimeout) {
		return call(app, SEND, message, SendMsgResponse.class, responseTimeout);
	}

	/**
	 * Recalls up to {@value RecallRequest#MAX_KEYS} messages of one OA. Success still
	 * needs a look at every item's RetCode.
	 * @throws IllegalArgumentException for no keys, more than 10 keys or a reason over
	 * 100 bytes; nothing is sent then
	 */
	public CallResult<RecallResponse> recall(ChatAppConnection app, RecallRequest request) {
		int keys = request.msgKeyList().size();
		if (keys == 0 || keys > RecallRequest.MAX_KEYS) {
			throw new IllegalArgumentException(
					"MsgKeyList must hold 1 to " + RecallRequest.MAX_KEYS + " keys, got " + keys);
		}
		String reason = request.reason();
		if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > RecallRequest.MAX_REASON_BYTES) {
			throw new IllegalArgumentException("Reason exceeds " + RecallRequest.MAX_REASON_BYTES + " bytes");
		}
		return call(app, RECALL, request, RecallResponse.class, this.responseTimeout);
	}

	public CallResult<OfficialAccountInfoResponse> getOfficialAccountInfo(ChatAppConnection app,
			OfficialAccountInfoRequest request) {
		return call(app, GET_INFO, request, OfficialAccountInfoResponse.class, this.responseTimeout);
	}

	/** One page of an OA's message history, used to reconcile in-doubt sends. */
	public CallResult<MsgGetSimpleResponse> getMessages(ChatAppConnection app, MsgGetSimpleRequest request) {
		return call(app, GET_SIMPLE, request, MsgGetSimpleResponse.class, this.responseTimeout);
	}

	private <T> CallResult<T> call(ChatAppConnection app, String command, Object body, Class<T> responseType,
			Duration timeout) {
		byte[] bytes;
		try {
			bytes = TencentJson.toBytes(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Request body for " + command + " cannot be serialised to JSON");
		}
		CallResult<T> result = exchange(app, command, bytes, responseType, timeout);
		if (result instanceof CallResult.Failed<T> failed && failed.errorCode() == TencentErrorCodes.USER_SIG_EXPIRED) {
			// Nothing was processed with an expired sig, so one retry with a fresh one is
			// safe.
			logger.info("UserSig expired for SDKAppID " + app.sdkAppId() + "; renewing and retrying " + command);
			this.userSigs.invalidate(app);
			result = exchange(app, command, bytes, responseType, timeout);
		}
		return result;
	}

	private <T> CallResult<T> exchange(ChatAppConnection app, String command, byte[] body, Class<T> responseType,
			Duration timeout) {
		URI uri;
		HttpPost post;
		try {
			uri = uri(app, command, this.userSigs.userSig(app));
			post = new HttpPost(uri);
		}
		catch (IllegalArgumentException ex) {
			// A malformed base URL: the JDK quotes the whole URI, sig included.
			String reason = "Invalid request URI: " + Redaction.describe(ex);
			logger.warn(command + " not sent for SDKAppID " + app.sdkAppId() + ": " + reason);
			return new CallResult.Failed<>(0, reason, 0);
		}
		post.setConfig(RequestConfig.custom()
			.setResponseTimeout(Timeout.of(timeout))
			.setConnectionRequestTimeout(this.connectTimeout)
			.build());
		post.setEntity(new ByteArrayEntity(body, JSON));
		long started = System.nanoTime();
		RawResponse response;
		try {
			response = this.http.execute(post,
					(answer) -> new RawResponse(answer.getCode(), (answer.getEntity() != null)
							? EntityUtils.toByteArray(answer.getEntity(), MAX_RESPONSE_BYTES) : new byte[0]));
		}
		catch (ConnectTimeoutException | ConnectionRequestTimeoutException ex) {
			return notSent(uri, "connect timeout", ex);
		}
		catch (ConnectException | UnknownHostException ex) {
			return notSent(uri, "connect failed", ex);
		}
		catch (SocketTimeoutException ex) {
			return unknown(uri, "response timeout", ex);
		}
		catch (InterruptedIOException ex) {
			Thread.currentThread().interrupt();
			return unknown(uri, "interrupted", ex);
		}
		catch (IOException ex) {
			return unknown(uri, "I/O error after sending", ex);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		CallResult<T> result = classify(response.status(), response.body(), responseType);
		if (result instanceof CallResult.Success) {
			if (logger.isDebugEnabled()) {
				logger.debug(
						"POST " + Redaction.redact(uri) + " -> HTTP " + response.status() + " OK in " + millis + " ms");
			}
		}
		else {
			logger.warn("POST " + Redaction.redact(uri) + " -> HTTP " + response.status() + " in " + millis + " ms: "
					+ Redaction.redact(result.toString()));
		}
		return result;
	}

	/** Closes the pooled connections. */
	@Override
	public void close() {
		this.http.close(CloseMode.GRACEFUL);
	}

	private record RawResponse(int status, byte[] body) {
	}

	/**
	 * Decides the outcome from the body first; the HTTP status only matters without one.
	 */
	static <T> CallResult<T> classify(int status, byte @Nullable [] body, Class<T> responseType) {
		JsonNode tree = readTree(body);
		if (tree != null && tree.isObject() && (tree.has("ErrorCode") || tree.has("ActionStatus"))) {
			String actionStatus = tree.path("ActionStatus").asString("");
			String errorInfo = tree.path("ErrorInfo").asString("");
			JsonNode codeNode = tree.get("ErrorCode");
			int code;
			if (codeNode != null && codeNode.isIntegralNumber() && codeNode.canConvertToInt()) {
				code = codeNode.intValue();
			}
			else if ("OK".equals(actionStatus)) {
				code = TencentErrorCodes.OK;
			}
			else {
				return new CallResult.OutcomeUnknown<>("response without a readable ErrorCode", status);
			}
			if (code == TencentErrorCodes.OK) {
				if ("FAIL".equals(actionStatus)) {
					return new CallResult.OutcomeUnknown<>("ActionStatus FAIL with ErrorCode 0", status);
				}
				try {
					return new CallResult.Success<>(TencentJson.mapper().treeToValue(tree, responseType), status);
				}
				catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
					return new CallResult.OutcomeUnknown<>("success response not readable", status);
				}
			}
			if (TencentErrorCodes.isRetryable(code)) {
				return new CallResult.Retryable<>("ErrorCode " + code, code, errorInfo, status, true);
			}
			if (code == TencentErrorCodes.OA_FREQUENCY_LIMIT) {
				return new CallResult.RateLimited<>(code, errorInfo, status);
			}
			return new CallResult.Failed<>(code, errorInfo, status);
		}
		if (status >= 500 || status == 429) {
			return new CallResult.Retryable<>("HTTP " + status, 0, "", status, true);
		}
		if (status >= 200 && status < 300) {
			// The request was accepted but the answer is unreadable: the message may be
			// out.
			return new CallResult.OutcomeUnknown<>("HTTP " + status + " without a readable API body", status);
		}
		return new CallResult.Failed<>(0, "HTTP " + status, status);
	}

	private static @Nullable JsonNode readTree(byte @Nullable [] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			return TencentJson.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static <T> CallResult<T> notSent(URI uri, String reason, Exception ex) {
		logger.warn("POST " + Redaction.redact(uri) + " not sent (" + reason + "): " + Redaction.describe(ex));
		return new CallResult.Retryable<>(reason, 0, "", 0, false);
	}

	private static <T> CallResult<T> unknown(URI uri, String reason, Exception ex) {
		logger.warn("POST " + Redaction.redact(uri) + " outcome unknown (" + reason + "): " + Redaction.describe(ex));
		return new CallResult.OutcomeUnknown<>(reason, 0);
	}

	private static URI uri(ChatAppConnection app, String command, String userSig) {
		// The URL random only marks the request; it is new per call, unlike the body's
		// Random.
		long random = ThreadLocalRandom.current().nextLong(0, 1L << 32);
		return URI.create(app.baseUrl() + "/v4/" + SERVICE + "/" + command + "?sdkappid=" + app.sdkAppId()
				+ "&identifier=" + URLEncoder.encode(app.adminIdentifier(), StandardCharsets.UTF_8) + "&usersig="
				+ userSig + "&random=" + random + "&contenttype=json");
	}

}
