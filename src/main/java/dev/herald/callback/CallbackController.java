package dev.herald.callback;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tencent's webhooks, configured in the Chat console as
 * {@code https://<herald>/callbacks/tencent}. Answers in Tencent's shape
 * ({@code ActionStatus}, {@code ErrorCode}, {@code ErrorInfo}) whether accepted or not.
 */
@RestController
class CallbackController {

	private final CallbackReceiver receiver;

	private final int maxBody;

	CallbackController(CallbackReceiver receiver, CallbackProperties properties) {
		this.receiver = receiver;
		this.maxBody = Math.toIntExact(properties.maxBody().toBytes());
	}

	@PostMapping(path = "/callbacks/tencent", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> callback(@RequestParam Map<String, String> query, HttpServletRequest request)
			throws IOException {
		Optional<Refusal> refusal;
		if (request.getContentLengthLong() > this.maxBody) {
			refusal = this.receiver.tooLarge(query);
		}
		else {
			// Reads no more than the cap, whatever the client claims (a chunked body has
			// no length).
			byte[] body = request.getInputStream().readNBytes(this.maxBody + 1);
			refusal = (body.length > this.maxBody) ? this.receiver.tooLarge(query) : this.receiver.receive(query, body);
		}
		return refusal.map((r) -> ResponseEntity.status(r.status()).body(answer(1, r.key())))
			.orElseGet(() -> ResponseEntity.ok(answer(0, "")));
	}

	private static Map<String, Object> answer(int code, String info) {
		return Map.of("ActionStatus", (code == 0) ? "OK" : "FAIL", "ErrorCode", code, "ErrorInfo", info);
	}

}
