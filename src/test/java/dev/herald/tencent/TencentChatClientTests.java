package dev.herald.tencent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Runs the client against a real local HTTP server standing in for Tencent. */
@ExtendWith(OutputCaptureExtension.class)
class TencentChatClientTests {

	static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	private HttpServer server;

	private ExecutorService executor;

	private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();

	private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

	private TencentChatClient client;

	private ChatAppConnection app;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.executor = Executors.newCachedThreadPool();
		this.server.setExecutor(this.executor);
		this.server.createContext("/sim/v4/", this::handle);
		this.server.start();
		this.client = new TencentChatClient(new TencentProperties(Duration.ofSeconds(1), Duration.ofMillis(400),
				Duration.ofHours(24), Duration.ofMinutes(10)), Clock.systemUTC());
		this.app = new ChatAppConnection(1400000000L, "http://127.0.0.1:" + this.server.getAddress().getPort() + "/sim",
				"administrator", KEY);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.received.add(new Received(exchange.getRequestURI(), body));
		Reply reply = this.replies.poll();
		if (reply == null) {
			reply = Reply.json(200, "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0}");
		}
		if (reply.delayMillis() > 0) {
			try {
				Thread.sleep(reply.delayMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", reply.contentType());
		try {
			exchange.sendResponseHeaders(reply.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// The client gave up already.
		}
	}

	private void reply(int status, String json) {
		this.replies.add(Reply.json(status, json));
	}

	private void replyError(int errorCode, String errorInfo) {
		reply(200, "{\"ActionStatus\":\"FAIL\",\"ErrorInfo\":\"" + errorInfo + "\",\"ErrorCode\":" + errorCode + "}");
	}

	private CallResult<SendMsgResponse> send() {
		return this.client.send(this.app, MessageFixtures.text("red packet"));
	}

	@Test
	void sendsSignedRequestAndReadsMsgKey() {
		reply(200, "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"MsgTime\":1497249503,"
				+ "\"MsgKey\":\"89541_1_1572870301\",\"Extra\":true}");
		OfficialAccountMessage message = MessageFixtures.text("red packet").withCloudCustomData("delivery-42");

		CallResult<SendMsgResponse> result = this.client.send(this.app, message);

		assertThat(result)
			.isEqualTo(new CallResult.Success<>(new SendMsgResponse(1497249503L, "89541_1_1572870301"), 200));
		Received request = this.received.get(0);
		assertThat(request.uri().getPath())
			.isEqualTo("/sim/v4/official_account_open_http_svc/send_official_account_msg");
		Map<String, String> query = request.query();
		assertThat(query).containsEntry("sdkappid", "1400000000")
			.containsEntry("identifier", "administrator")
			.containsEntry("contenttype", "json")
			.containsKeys("usersig", "random");
		assertThat(Long.parseLong(query.get("random"))).isBetween(0L, 4294967295L);
		UserSigs.Decoded sig = UserSigs.decode(query.get("usersig"));
		assertThat(sig.verify(KEY)).isTrue();
		assertThat(sig.identifier()).isEqualTo("administrator");
		assertThat(sig.sdkAppId()).isEqualTo(1400000000L);
		assertThat(request.body()).isEqualTo(TencentJson.toBytes(message));
	}

	@Test
	void urlRandomIsNewPerCallWhileBodyStaysIdentical() {
		send();
		send();

		assertThat(this.received.get(0).query().get("random")).isNotEqualTo(this.received.get(1).query().get("random"));
		assertThat(this.received.get(0).body()).isEqualTo(this.received.get(1).body());
		assertThat(this.received.get(0).query().get("usersig")).isEqualTo(this.received.get(1).query().get("usersig"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 10002, 60007, 60008, 60011, 60013, 60014, 60018, 60019 })
	void transientErrorCodesAreRetryable(int code) {
		replyError(code, "try again");

		assertThat(send()).isEqualTo(new CallResult.Retryable<>("ErrorCode " + code, code, "try again", 200, true));
	}

	@ParameterizedTest
	@ValueSource(ints = { 502, 503, 500, 429 })
	void gatewayErrorsWithoutApiBodyAreRetryable(int status) {
		this.replies.add(new Reply(status, "<html>Bad Gateway</html>", "text/html", 0));

		assertThat(send()).isEqualTo(new CallResult.Retryable<>("HTTP " + status, 0, "", status, true));
	}

	@Test
	void bodyDecidesEvenWhenStatusIsAnError() {
		reply(502, "{\"ActionStatus\":\"FAIL\",\"ErrorInfo\":\"bad param\",\"ErrorCode\":10004}");

		assertThat(send()).isEqualTo(new CallResult.Failed<>(10004, "bad param", 502));
	}

	@Test
	void oaFrequencyLimitIsRateLimited() {
		replyError(10023, "freq limit");

		assertThat(send()).isEqualTo(new CallResult.RateLimited<>(10023, "freq limit", 200));
	}

	@ParameterizedTest
	@ValueSource(ints = { 10004, 10007, 10010, 10015, 10016, 10017, 80001, 80002, 60021, 70009, 70050 })
	void otherErrorCodesAreFinal(int code) {
		replyError(code, "no");

		assertThat(send()).isEqualTo(new CallResult.Failed<>(code, "no", 200));
		assertThat(this.received).hasSize(1);
	}

	@Test
	void unreadableOkBodyIsOutcomeUnknown() {
		this.replies.add(new Reply(200, "<html>proxy says hi</html>", "text/html", 0));

		assertThat(send()).isInstanceOf(CallResult.OutcomeUnknown.class);
	}

	@Test
	void clientErrorWithoutApiBodyIsFinal() {
		this.replies.add(new Reply(404, "not found", "text/plain", 0));

		assertThat(send()).isEqualTo(new CallResult.Failed<>(0, "HTTP 404", 404));
	}

	@Test
	void expiredUserSigIsRenewedAndRetriedOnce() {
		replyError(70001, "usersig expired");
		reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"MsgTime\":1,\"MsgKey\":\"k\"}");

		CallResult<SendMsgResponse> result = send();

		assertThat(result).isInstanceOf(CallResult.Success.class);
		assertThat(this.received).hasSize(2);
		assertThat(this.received.get(0).body()).isEqualTo(this.received.get(1).body());
		assertThat(UserSigs.decode(this.received.get(1).query().get("usersig")).verify(KEY)).isTrue();
	}

	@Test
	void expiredUserSigTwiceIsFinal() {
		replyError(70001, "usersig expired");
		replyError(70001, "usersig expired");

		assertThat(send()).isEqualTo(new CallResult.Failed<>(70001, "usersig expired", 200));
		assertThat(this.received).hasSize(2);
	}

	@Test
	void timeoutAfterSendingIsOutcomeUnknown() {
		this.replies.add(new Reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"MsgTime\":1,\"MsgKey\":\"k\"}",
				"application/json", 1500));

		CallResult<SendMsgResponse> result = send();

		assertThat(result).isEqualTo(new CallResult.OutcomeUnknown<>("response timeout", 0));
		assertThat(this.received).hasSize(1);
	}

	@Test
	void connectionRefusedIsRetryableAndNotSent() throws IOException {
		int freePort;
		try (ServerSocket socket = new ServerSocket(0)) {
			freePort = socket.getLocalPort();
		}
		ChatAppConnection nowhere = new ChatAppConnection(1400000000L, "http://127.0.0.1:" + freePort, "administrator",
				KEY);

		CallResult<SendMsgResponse> result = this.client.send(nowhere, MessageFixtures.text("x"));

		assertThat(result).isInstanceOfSatisfying(CallResult.Retryable.class, (retryable) -> {
			assertThat(retryable.requestSent()).isFalse();
			assertThat(retryable.httpStatus()).isZero();
		});
	}

	@Test
	void recallReturnsEveryRetCode() {
		reply(200, "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"RecallRetList\":["
				+ "{\"MsgKey\":\"k1\",\"RetCode\":0},{\"MsgKey\":\"k2\",\"RetCode\":10030}]}");

		CallResult<RecallResponse> result = this.client.recall(this.app,
				new RecallRequest(MessageFixtures.OA, List.of("k1", "k2"), "wrong price"));

		assertThat(result).isInstanceOfSatisfying(CallResult.Success.class, (success) -> {
			RecallResponse response = (RecallResponse) success.response();
			assertThat(response.items()).extracting(RecallResponse.RecallRet::msgKey, RecallResponse.RecallRet::retCode)
				.containsExactly(Tuple.tuple("k1", 0), Tuple.tuple("k2", 10030));
			assertThat(response.allRecalled()).isFalse();
		});
		assertThat(this.received.get(0).uri().getPath()).endsWith("/official_account_msg_recall");
		assertThat(new String(this.received.get(0).body(), StandardCharsets.UTF_8)).isEqualTo(
				"{\"Official_Account\":\"@TOA#_2C5SZEAEF\",\"MsgKeyList\":[\"k1\",\"k2\"],\"Reason\":\"wrong price\"}");
	}

	@Test
	void recallRefusesMoreThanTenKeysWithoutCalling() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			keys.add("k" + i);
		}

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.recall(this.app, new RecallRequest(MessageFixtures.OA, keys, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.recall(this.app, new RecallRequest(MessageFixtures.OA, List.of(), null)));
		assertThat(this.received).isEmpty();
	}

	@Test
	void readsOfficialAccountInfoAndHistory() {
		reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"OfficialAccountInfoList\":[{\"Official_Account\":"
				+ "\"@TOA#_a\",\"Name\":\"Store\",\"SubscriberNum\":12}]}");
		reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"IsFinished\":1,\"LastMsgKey\":\"k1\",\"RspMsgList\":["
				+ "{\"MsgKey\":\"k1\",\"MsgTime\":5,\"CloudCustomData\":\"delivery-42\",\"MsgBody\":[{\"MsgType\":"
				+ "\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hi\"}}]}]}");

		CallResult<OfficialAccountInfoResponse> info = this.client.getOfficialAccountInfo(this.app,
				OfficialAccountInfoRequest.of(List.of("@TOA#_a")));
		CallResult<MsgGetSimpleResponse> history = this.client.getMessages(this.app,
				new MsgGetSimpleRequest("@TOA#_a", null, 20, 1));

		assertThat(((CallResult.Success<OfficialAccountInfoResponse>) info).response().officialAccountInfoList())
			.singleElement()
			.satisfies((oa) -> assertThat(oa.subscriberNum()).isEqualTo(12));
		MsgGetSimpleResponse page = ((CallResult.Success<MsgGetSimpleResponse>) history).response();
		assertThat(page.isFinished()).isEqualTo(1);
		assertThat(page.rspMsgList()).singleElement().satisfies((msg) -> {
			assertThat(msg.cloudCustomData()).isEqualTo("delivery-42");
			assertThat(msg.msgBody()).containsExactly(new MsgElement.TextElem("hi"));
		});
		assertThat(this.received.get(1).uri().getPath()).endsWith("/official_account_msg_get_simple");
	}

	@Test
	void noOutputEverShowsTheUserSig(CapturedOutput output) throws IOException {
		this.replies.add(new Reply(502, "bad gateway", "text/plain", 0));
		replyError(70001, "usersig expired");
		replyError(70001, "usersig expired");
		this.replies.add(new Reply(200, "{}", "application/json", 1500));
		replyError(10004, "bad param");
		for (int i = 0; i < 4; i++) {
			send();
		}
		int freePort;
		try (ServerSocket socket = new ServerSocket(0)) {
			freePort = socket.getLocalPort();
		}
		this.client.send(new ChatAppConnection(1L, "http://127.0.0.1:" + freePort, "administrator", KEY),
				MessageFixtures.text("x"));
		CallResult<SendMsgResponse> badUrl = this.client.send(
				new ChatAppConnection(1L, "http://bad host/with space", "administrator", KEY),
				MessageFixtures.text("x"));

		assertThat(badUrl).isInstanceOf(CallResult.Failed.class);
		assertThat(badUrl.toString()).doesNotContainPattern("usersig=(?!\\*\\*\\*)");
		assertThat(output.getAll()).contains("usersig=" + Redaction.MASK)
			.doesNotContainPattern(Pattern.compile("usersig=(?!\\*\\*\\*)", Pattern.CASE_INSENSITIVE))
			.doesNotContain(KEY);
		for (Received request : this.received) {
			assertThat(output.getAll()).doesNotContain(request.query().get("usersig"));
		}
	}

	@Test
	void redactionMasksUserSigInAnyText() {
		assertThat(Redaction.redact("GET https://h/v4/x?sdkappid=1&usersig=eJyr*-_abc&random=5 failed"))
			.isEqualTo("GET https://h/v4/x?sdkappid=1&usersig=***&random=5 failed");
		assertThat(Redaction.redact(URI.create("http://h/?UserSig=abc"))).isEqualTo("http://h/?UserSig=***");
		assertThat(Redaction.redact((String) null)).isEmpty();
	}

	private record Reply(int status, String body, String contentType, long delayMillis) {

		static Reply json(int status, String body) {
			return new Reply(status, body, "application/json", 0);
		}

	}

	private record Received(URI uri, byte[] body) {

		Map<String, String> query() {
			Map<String, String> query = new LinkedHashMap<>();
			for (String pair : this.uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
			return query;
		}

	}

}
