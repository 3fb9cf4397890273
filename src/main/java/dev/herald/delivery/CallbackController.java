package dev.herald.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tencent's webhooks for official accounts (configured in the Chat console as
 * {@code https://<herald>/callbacks/tencent}): the after-send callback settles deliveries
 * whose answer was lost, the after-recall callback marks them recalled. Only calls naming
 * one of our SDKAppIDs are accepted.
 */
@RestController
class CallbackController {

	static final String AFTER_SEND = "OfficialAccount.CallbackAfterSendMsg";

	static final String AFTER_RECALL = "OfficialAccount.CallbackAfterMsgWithDraw";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Deliveries deliveries;

	CallbackController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@PostMapping(path = "/callbacks/tencent", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> callback(@RequestParam Map<String, String> query,
			@RequestBody(required = false) byte @Nullable [] body) {
		Long sdkAppId = parseLong(query.get("SdkAppid"));
		if (sdkAppId == null || !this.deliveries.isOurSdkAppId(sdkAppId)) {
			return ResponseEntity.badRequest().body(answer(1, "unknown SdkAppid"));
		}
		JsonNode tree;
		try {
			tree = (body != null && body.length > 0) ? JSON.readTree(body) : null;
		}
		catch (JacksonException ex) {
			tree = null;
		}
		if (tree == null || !tree.isObject()) {
			return ResponseEntity.badRequest().body(answer(1, "body is not a JSON object"));
		}
		String command = query.getOrDefault("CallbackCommand", tree.path("CallbackCommand").asString(""));
		String account = tree.path("Official_Account").asString("");
		if (AFTER_SEND.equals(command)) {
			String msgKey = tree.path("MsgKey").asString("");
			if (!msgKey.isEmpty()) {
				this.deliveries.settleSent(sdkAppId, account, tree.path("CloudCustomData").asString(""), msgKey,
						tree.path("MsgTime").asLong(0));
			}
		}
		else if (AFTER_RECALL.equals(command)) {
			List<String> keys = new ArrayList<>();
			for (JsonNode item : tree.path("WithdrawMsgList")) {
				String key = item.path("MsgKey").asString("");
				if (!key.isEmpty()) {
					keys.add(key);
				}
			}
			this.deliveries.settleRecalled(sdkAppId, account, keys);
		}
		return ResponseEntity.ok(answer(0, ""));
	}

	private static Map<String, Object> answer(int code, String info) {
		return Map.of("ActionStatus", (code == 0) ? "OK" : "FAIL", "ErrorCode", code, "ErrorInfo", info);
	}

	private static @Nullable Long parseLong(@Nullable String value) {
		try {
			return (value != null) ? Long.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
