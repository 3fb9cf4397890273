package dev.herald.draft;

import java.util.List;

import dev.herald.tencent.MessageValidator;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.OfflinePushInfo;
import dev.herald.tencent.TencentJson;
import dev.herald.tencent.ValidationReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft's content is a send request without its per-delivery parts: the canonical wire
 * JSON with {@code Official_Account} and {@code Random} left out. Campaigns add both per
 * delivery.
 */
final class DraftContent {

	/** The OA the validator and byte meter see; real IDs are added per delivery. */
	static final String PREVIEW_ACCOUNT = "@TOA#_preview";

	private DraftContent() {
	}

	/** The canonical content JSON, as stored and hashed. */
	static String toJson(OfficialAccountMessage message) {
		return TencentJson.mapper().writeValueAsString(toTree(message));
	}

	static ObjectNode toTree(OfficialAccountMessage message) {
		ObjectNode tree = TencentJson.mapper().valueToTree(message);
		tree.remove("Official_Account");
		tree.remove("Random");
		return tree;
	}

	static OfficialAccountMessage fromJson(String json) {
		return TencentJson.fromJson(json, OfficialAccountMessage.class);
	}

	static JsonNode tree(String json) {
		return TencentJson.mapper().readTree(json);
	}

	/**
	 * Validates as Tencent would, measuring the body with the largest Random so the byte
	 * meter never under-reports.
	 */
	static ValidationReport validate(MessageValidator validator, OfficialAccountMessage message) {
		return validator.validate(forSending(message, PREVIEW_ACCOUNT, MessageValidator.MAX_RANDOM));
	}

	static OfficialAccountMessage forSending(OfficialAccountMessage message, String account, long random) {
		return new OfficialAccountMessage(account, random, message.msgBody(), message.cloudCustomData(),
				message.offlinePushInfo(), message.onlineOnlyFlag(), message.sendMsgControl(),
				message.forbidCallbackControl());
	}

	/**
	 * The text of the offline push Tencent derives: {@code OfflinePushInfo.Desc} when
	 * set, otherwise each element's push text joined without separator.
	 */
	static String pushText(OfficialAccountMessage message) {
		OfflinePushInfo push = message.offlinePushInfo();
		if (push != null && push.desc() != null && !push.desc().isEmpty()) {
			return push.desc();
		}
		StringBuilder text = new StringBuilder();
		List<@Nullable MsgElement> body = message.msgBody();
		if (body != null) {
			for (MsgElement element : body) {
				text.append(pushText(element));
			}
		}
		return text.toString();
	}

	private static String pushText(@Nullable MsgElement element) {
		if (element == null) {
			return "";
		}
		if (element instanceof MsgElement.TextElem text) {
			return orEmpty(text.text());
		}
		if (element instanceof MsgElement.CustomElem custom) {
			return orEmpty(custom.desc());
		}
		if (element instanceof MsgElement.FaceElem) {
			return "[Face]";
		}
		if (element instanceof MsgElement.LocationElem) {
			return "[Location]";
		}
		if (element instanceof MsgElement.ImageElem) {
			return "[Image]";
		}
		if (element instanceof MsgElement.SoundElem) {
			return "[Voice]";
		}
		if (element instanceof MsgElement.FileElem) {
			return "[File]";
		}
		if (element instanceof MsgElement.VideoFileElem) {
			return "[Video]";
		}
		return "";
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
