package dev.herald.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body rules of the Official Account commands, as far as Tencent documents them.
 * Every check returns {@code null} when the body passes, or the reason (the ErrorInfo of
 * a 10004).
 */
final class MessageRules {

	static final long MAX_RANDOM = 4_294_967_295L;

	static final int MAX_MESSAGE_BYTES = 12 * 1024;

	static final int MAX_RECALL_KEYS = 10;

	static final int MAX_REASON_BYTES = 100;

	static final int MAX_INFO_ACCOUNTS = 100;

	static final int MAX_SIMPLE_MESSAGES = 20;

	// The fields each element needs when sent through REST (message-format doc).
	private static final Map<String, Set<String>> REQUIRED_STRINGS = Map.of("TIMTextElem", Set.of("Text"),
			"TIMLocationElem", Set.of("Desc"), "TIMFaceElem", Set.of(), "TIMCustomElem", Set.of("Data"), "TIMSoundElem",
			Set.of("Url", "UUID"), "TIMImageElem", Set.of("UUID"), "TIMFileElem", Set.of("Url", "UUID"),
			"TIMVideoFileElem", Set.of("VideoUrl", "VideoUUID", "ThumbUrl", "ThumbUUID"));

	private static final Map<String, Set<String>> REQUIRED_NUMBERS = Map.of("TIMTextElem", Set.of(), "TIMLocationElem",
			Set.of("Latitude", "Longitude"), "TIMFaceElem", Set.of("Index"), "TIMCustomElem", Set.of(), "TIMSoundElem",
			Set.of(), "TIMImageElem", Set.of("ImageFormat"), "TIMFileElem", Set.of(), "TIMVideoFileElem",
			Set.of("ThumbWidth", "ThumbHeight"));

	private static final Map<String, Set<String>> DOWNLOAD_FLAGS = Map.of("TIMSoundElem", Set.of("Download_Flag"),
			"TIMFileElem", Set.of("Download_Flag"), "TIMVideoFileElem",
			Set.of("VideoDownloadFlag", "ThumbDownloadFlag"));

	private static final Set<String> SEND_MSG_CONTROL = Set.of("NoLastMsg");

	private static final Set<String> FORBID_CALLBACK_CONTROL = Set.of("ForbidBeforeSendMsgCallback",
			"ForbidAfterSendMsgCallback");

	private MessageRules() {
	}

	static @Nullable String checkSend(JsonNode body) {
		JsonNode random = body.get("Random");
		if (random == null || !random.isIntegralNumber() || !random.canConvertToLong() || random.asLong() < 0
				|| random.asLong() > MAX_RANDOM) {
			return "Random must be an integer from 0 to 4294967295";
		}
		String msgBody = checkMsgBody(body.get("MsgBody"));
		if (msgBody != null) {
			return msgBody;
		}
		JsonNode cloudCustomData = body.get("CloudCustomData");
		if (cloudCustomData != null && !cloudCustomData.isString()) {
			return "CloudCustomData must be a string";
		}
		JsonNode onlineOnly = body.get("OnlineOnlyFlag");
		if (onlineOnly != null
				&& !(onlineOnly.isIntegralNumber() && (onlineOnly.asLong() == 0 || onlineOnly.asLong() == 1))) {
			return "OnlineOnlyFlag must be 0 or 1";
		}
		JsonNode sendMsgControl = body.get("SendMsgControl");
		if (sendMsgControl != null) {
			String reason = checkStringSet(sendMsgControl, SEND_MSG_CONTROL, "SendMsgControl");
			if (reason != null) {
				return reason;
			}
			if (onlineOnly != null && onlineOnly.asLong() == 1 && !sendMsgControl.isEmpty()) {
				return "SendMsgControl is not allowed when OnlineOnlyFlag is 1";
			}
		}
		JsonNode forbid = body.get("ForbidCallbackControl");
		if (forbid != null) {
			String reason = checkStringSet(forbid, FORBID_CALLBACK_CONTROL, "ForbidCallbackControl");
			if (reason != null) {
				return reason;
			}
		}
		JsonNode push = body.get("OfflinePushInfo");
		if (push != null) {
			if (!push.isObject()) {
				return "OfflinePushInfo must be an object";
			}
			JsonNode pushFlag = push.get("PushFlag");
			if (pushFlag != null
					&& !(pushFlag.isIntegralNumber() && (pushFlag.asLong() == 0 || pushFlag.asLong() == 1))) {
				return "OfflinePushInfo.PushFlag must be 0 or 1";
			}
		}
		return null;
	}

	private static @Nullable String checkMsgBody(@Nullable JsonNode msgBody) {
		if (msgBody == null || !msgBody.isArray() || msgBody.isEmpty()) {
			return "MsgBody must be a non-empty array";
		}
		int customElements = 0;
		for (int i = 0; i < msgBody.size(); i++) {
			JsonNode element = msgBody.get(i);
			String where = "MsgBody[" + i + "]";
			if (!element.isObject()) {
				return where + " must be an object";
			}
			JsonNode type = element.get("MsgType");
			if (type == null || !type.isString() || !REQUIRED_STRINGS.containsKey(type.asString())) {
				return where + ".MsgType is missing or unknown";
			}
			JsonNode content = element.get("MsgContent");
			if (content == null || !content.isObject()) {
				return where + ".MsgContent must be an object";
			}
			String msgType = type.asString();
			if (msgType.equals("TIMCustomElem") && ++customElements > 1) {
				return "at most one TIMCustomElem is allowed";
			}
			for (String field : REQUIRED_STRINGS.get(msgType)) {
				JsonNode value = content.get(field);
				if (value == null || !value.isString()) {
					return where + ".MsgContent." + field + " must be a string";
				}
			}
			for (String field : REQUIRED_NUMBERS.get(msgType)) {
				JsonNode value = content.get(field);
				if (value == null || !value.isNumber()) {
					return where + ".MsgContent." + field + " must be a number";
				}
			}
			for (String field : DOWNLOAD_FLAGS.getOrDefault(msgType, Set.of())) {
				JsonNode value = content.get(field);
				if (value == null || !value.isIntegralNumber() || value.asLong() != 2) {
					return where + ".MsgContent." + field + " must be 2";
				}
			}
			if (msgType.equals("TIMImageElem")) {
				String reason = checkImageInfo(content.get("ImageInfoArray"), where);
				if (reason != null) {
					return reason;
				}
			}
		}
		return null;
	}

	private static @Nullable String checkImageInfo(@Nullable JsonNode images, String where) {
		if (images == null || !images.isArray() || images.isEmpty()) {
			return where + ".MsgContent.ImageInfoArray must be a non-empty array";
		}
		for (JsonNode image : images) {
			if (!image.isObject() || image.get("URL") == null || !image.get("URL").isString()
					|| !isNumber(image.get("Width")) || !isNumber(image.get("Height"))) {
				return where + ".MsgContent.ImageInfoArray needs URL, Width and Height";
			}
		}
		return null;
	}

	private static boolean isNumber(@Nullable JsonNode node) {
		return node != null && node.isNumber();
	}

	private static @Nullable String checkStringSet(JsonNode node, Set<String> allowed, String field) {
		if (!node.isArray()) {
			return field + " must be an array";
		}
		for (JsonNode value : node) {
			if (!value.isString() || !allowed.contains(value.asString())) {
				return field + " has an unknown value";
			}
		}
		return null;
	}

	static @Nullable String checkRecall(JsonNode body) {
		JsonNode keys = body.get("MsgKeyList");
		if (keys == null || !keys.isArray() || keys.isEmpty() || keys.size() > MAX_RECALL_KEYS) {
			return "MsgKeyList must hold 1 to " + MAX_RECALL_KEYS + " keys";
		}
		for (JsonNode key : keys) {
			if (!key.isString() || key.asString().isEmpty()) {
				return "MsgKeyList must hold non-empty strings";
			}
		}
		JsonNode reason = body.get("Reason");
		if (reason != null && (!reason.isString()
				|| reason.asString().getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES)) {
			return "Reason must be a string of at most " + MAX_REASON_BYTES + " bytes";
		}
		return null;
	}

	static @Nullable String checkInfo(JsonNode body) {
		JsonNode list = body.get("OfficialAccountIdList");
		if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_INFO_ACCOUNTS) {
			return "OfficialAccountIdList must hold 1 to " + MAX_INFO_ACCOUNTS + " items";
		}
		for (JsonNode item : list) {
			JsonNode id = item.get("Official_Account");
			if (!item.isObject() || id == null || !id.isString()) {
				return "OfficialAccountIdList items need Official_Account";
			}
		}
		return null;
	}

	static @Nullable String checkGetSimple(JsonNode body) {
		JsonNode lastKey = body.get("LastMsgKey");
		if (lastKey != null && !lastKey.isString()) {
			return "LastMsgKey must be a string";
		}
		JsonNode number = body.get("ReqMsgNumber");
		if (number != null && (!number.isIntegralNumber() || number.asLong() < 1)) {
			return "ReqMsgNumber must be a positive integer";
		}
		JsonNode withRecalled = body.get("WithRecalledMsg");
		if (withRecalled != null
				&& !(withRecalled.isIntegralNumber() && (withRecalled.asLong() == 0 || withRecalled.asLong() == 1))) {
			return "WithRecalledMsg must be 0 or 1";
		}
		return null;
	}

}
