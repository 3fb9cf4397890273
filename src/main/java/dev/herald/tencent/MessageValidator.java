package dev.herald.tencent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Checks a message against the rules Tencent applies (and a few it applies silently, such
 * as the missing offline push), so an author sees every problem before anything is sent.
 * Returns all problems at once and never throws, whatever the input.
 */
@Component
public class MessageValidator {

	/** Tencent's limit for one message, measured on the UTF-8 body we send. */
	public static final int MAX_MESSAGE_BYTES = 12 * 1024;

	/** APNs payloads are 4 KB; Tencent advises keeping Desc + Ext within 3 KB. */
	public static final int MAX_PUSH_DESC_EXT_BYTES = 3 * 1024;

	public static final String OFFICIAL_ACCOUNT_PREFIX = "@TOA#_";

	public static final long MAX_RANDOM = 0xFFFF_FFFFL;

	public static final String MESSAGE_REQUIRED = "tencent.validation.message.required";

	public static final String FIELD_REQUIRED = "tencent.validation.field.required";

	public static final String FIELD_RANGE = "tencent.validation.field.range";

	public static final String FIELD_NEGATIVE = "tencent.validation.field.negative";

	public static final String FIELD_NOT_FINITE = "tencent.validation.field.notFinite";

	public static final String FIELD_UNKNOWN_VALUE = "tencent.validation.field.unknownValue";

	public static final String DOWNLOAD_FLAG = "tencent.validation.field.downloadFlag";

	public static final String OFFICIAL_ACCOUNT_PREFIX_CODE = "tencent.validation.officialAccount.prefix";

	public static final String RANDOM_RANGE = "tencent.validation.random.range";

	public static final String MSG_BODY_EMPTY = "tencent.validation.msgBody.empty";

	public static final String ELEMENT_REQUIRED = "tencent.validation.element.required";

	public static final String ELEMENT_UNSUPPORTED = "tencent.validation.element.unsupported";

	public static final String CUSTOM_ELEM_TOO_MANY = "tencent.validation.customElem.tooMany";

	public static final String CUSTOM_ELEM_NO_PUSH = "tencent.validation.customElem.noOfflinePush";

	public static final String SEND_MSG_CONTROL_WITH_ONLINE_ONLY = "tencent.validation.sendMsgControl.onlineOnly";

	public static final String PUSH_DESC_EXT_TOO_LONG = "tencent.validation.offlinePush.descExtTooLong";

	public static final String SIZE_TOO_LARGE = "tencent.validation.size.tooLarge";

	public static final String NOT_SERIALIZABLE = "tencent.validation.json.unserializable";

	public static final String MSG_KEY_LIST_SIZE = "tencent.validation.msgKeyList.size";

	public static final String REASON_TOO_LONG = "tencent.validation.reason.tooLong";

	public static final String INTERNAL = "tencent.validation.internal";

	public static final String WEB_URL = "tencent.validation.url.web";

	public static final String CONTROL_CHARACTER = "tencent.validation.text.control";

	/** Every code this validator can produce; the i18n bundles must define each one. */
	public static final List<String> CODES = List.of(MESSAGE_REQUIRED, FIELD_REQUIRED, FIELD_RANGE, FIELD_NEGATIVE,
			FIELD_NOT_FINITE, FIELD_UNKNOWN_VALUE, DOWNLOAD_FLAG, OFFICIAL_ACCOUNT_PREFIX_CODE, RANDOM_RANGE,
			MSG_BODY_EMPTY, ELEMENT_REQUIRED, ELEMENT_UNSUPPORTED, CUSTOM_ELEM_TOO_MANY, CUSTOM_ELEM_NO_PUSH,
			SEND_MSG_CONTROL_WITH_ONLINE_ONLY, PUSH_DESC_EXT_TOO_LONG, SIZE_TOO_LARGE, NOT_SERIALIZABLE,
			MSG_KEY_LIST_SIZE, REASON_TOO_LONG, INTERNAL, WEB_URL, CONTROL_CHARACTER);

	private static final List<Integer> ZERO_ONE = List.of(0, 1);

	private static final List<String> SEND_MSG_CONTROLS = List.of(OfficialAccountMessage.NO_LAST_MSG);

	private static final List<String> FORBID_CALLBACK_CONTROLS = List.of(
			OfficialAccountMessage.FORBID_BEFORE_SEND_MSG_CALLBACK,
			OfficialAccountMessage.FORBID_AFTER_SEND_MSG_CALLBACK);

	private static final int REQUIRED_DOWNLOAD_FLAG = 2;

	public ValidationReport validate(@Nullable OfficialAccountMessage message) {
		List<Violation> violations = new ArrayList<>();
		if (message == null) {
			violations.add(Violation.error("", MESSAGE_REQUIRED));
			return new ValidationReport(violations, -1);
		}
		int size = -1;
		try {
			checkOfficialAccount(message.officialAccount(), violations);
			checkRandom(message.random(), violations);
			checkBody(message.msgBody(), violations);
			checkOptions(message, violations);
			checkOfflinePush(message, violations);
			size = serializedSize(message, violations);
		}
		catch (RuntimeException ex) {
			// A bug here must not take a page down; the rule checks above are written not
			// to throw.
			violations.add(Violation.error("", INTERNAL, ex.getClass().getSimpleName()));
		}
		return new ValidationReport(violations, size);
	}

	/**
	 * The rules of {@code official_account_msg_recall} (the client also enforces the key
	 * count).
	 */
	public ValidationReport validate(@Nullable RecallRequest request) {
		List<Violation> violations = new ArrayList<>();
		if (request == null) {
			violations.add(Violation.error("", MESSAGE_REQUIRED));
			return new ValidationReport(violations, -1);
		}
		checkOfficialAccount(request.officialAccount(), violations);
		int keys = request.msgKeyList().size();
		if (keys == 0 || keys > RecallRequest.MAX_KEYS) {
			violations.add(Violation.error("MsgKeyList", MSG_KEY_LIST_SIZE, keys, RecallRequest.MAX_KEYS));
		}
		for (int i = 0; i < keys; i++) {
			requireText(request.msgKeyList().get(i), "MsgKeyList[" + i + "]", "MsgKey", violations);
		}
		if (request.reason() != null && utf8Length(request.reason()) > RecallRequest.MAX_REASON_BYTES) {
			violations.add(Violation.error("Reason", REASON_TOO_LONG, utf8Length(request.reason()),
					RecallRequest.MAX_REASON_BYTES));
		}
		return new ValidationReport(violations, -1);
	}

	private void checkOfficialAccount(@Nullable String officialAccount, List<Violation> violations) {
		if (isEmpty(officialAccount)) {
			violations.add(Violation.error("Official_Account", FIELD_REQUIRED, "Official_Account"));
		}
		else if (!officialAccount.startsWith(OFFICIAL_ACCOUNT_PREFIX)
				|| officialAccount.length() == OFFICIAL_ACCOUNT_PREFIX.length()) {
			violations.add(Violation.error("Official_Account", OFFICIAL_ACCOUNT_PREFIX_CODE, OFFICIAL_ACCOUNT_PREFIX));
		}
	}

	private void checkRandom(long random, List<Violation> violations) {
		if (random < 0 || random > MAX_RANDOM) {
			violations.add(Violation.error("Random", RANDOM_RANGE, random, 0, MAX_RANDOM));
		}
	}

	private void checkBody(@Nullable List<@Nullable MsgElement> body, List<Violation> violations) {
		if (body == null || body.isEmpty()) {
			violations.add(Violation.error("MsgBody", MSG_BODY_EMPTY));
			return;
		}
		int customCount = 0;
		for (int i = 0; i < body.size(); i++) {
			MsgElement element = body.get(i);
			String path = "MsgBody[" + i + "]";
			if (element == null) {
				violations.add(Violation.error(path, ELEMENT_REQUIRED));
				continue;
			}
			String content = path + ".MsgContent";
			if (element instanceof MsgElement.TextElem text) {
				requireText(text.text(), content + ".Text", "Text", violations);
				shownText(text.text(), content + ".Text", "Text", violations);
			}
			else if (element instanceof MsgElement.FaceElem face) {
				require(face.index(), content + ".Index", "Index", violations);
			}
			else if (element instanceof MsgElement.LocationElem location) {
				checkLocation(location, content, violations);
			}
			else if (element instanceof MsgElement.CustomElem custom) {
				// Desc is the push text; Data and Ext are for the app, not the reader.
				shownText(custom.desc(), content + ".Desc", "Desc", violations);
				customCount++;
				if (customCount == 2) {
					violations.add(Violation.error(path, CUSTOM_ELEM_TOO_MANY, 1));
				}
			}
			else if (element instanceof MsgElement.ImageElem image) {
				checkImage(image, content, violations);
			}
			else if (element instanceof MsgElement.SoundElem sound) {
				requireText(sound.url(), content + ".Url", "Url", violations);
				webUrl(sound.url(), content + ".Url", "Url", violations);
				requireText(sound.uuid(), content + ".UUID", "UUID", violations);
				notNegative(sound.size(), content + ".Size", "Size", violations);
				notNegative(sound.second(), content + ".Second", "Second", violations);
				downloadFlag(sound.downloadFlag(), content + ".Download_Flag", "Download_Flag", violations);
			}
			else if (element instanceof MsgElement.FileElem file) {
				requireText(file.url(), content + ".Url", "Url", violations);
				webUrl(file.url(), content + ".Url", "Url", violations);
				shownText(file.fileName(), content + ".FileName", "FileName", violations);
				requireText(file.uuid(), content + ".UUID", "UUID", violations);
				notNegative(file.fileSize(), content + ".FileSize", "FileSize", violations);
				downloadFlag(file.downloadFlag(), content + ".Download_Flag", "Download_Flag", violations);
			}
			else if (element instanceof MsgElement.VideoFileElem video) {
				checkVideo(video, content, violations);
			}
			else if (element instanceof MsgElement.UnknownElem unknown) {
				violations
					.add(Violation.error(path + ".MsgType", ELEMENT_UNSUPPORTED, String.valueOf(unknown.msgType())));
			}
		}
	}

	private void checkLocation(MsgElement.LocationElem location, String content, List<Violation> violations) {
		requireText(location.desc(), content + ".Desc", "Desc", violations);
		shownText(location.desc(), content + ".Desc", "Desc", violations);
		coordinate(location.latitude(), content + ".Latitude", "Latitude", 90, violations);
		coordinate(location.longitude(), content + ".Longitude", "Longitude", 180, violations);
	}

	private void checkImage(MsgElement.ImageElem image, String content, List<Violation> violations) {
		requireText(image.uuid(), content + ".UUID", "UUID", violations);
		oneOf(image.imageFormat(), MsgElement.ImageElem.FORMATS, content + ".ImageFormat", "ImageFormat", violations);
		List<MsgElement.@Nullable ImageInfo> infos = image.imageInfoArray();
		if (infos == null || infos.isEmpty()) {
			violations.add(Violation.error(content + ".ImageInfoArray", FIELD_REQUIRED, "ImageInfoArray"));
			return;
		}
		for (int j = 0; j < infos.size(); j++) {
			MsgElement.ImageInfo info = infos.get(j);
			String path = content + ".ImageInfoArray[" + j + "]";
			if (info == null) {
				violations.add(Violation.error(path, FIELD_REQUIRED, "ImageInfo"));
				continue;
			}
			oneOf(info.type(), MsgElement.ImageInfo.TYPES, path + ".Type", "Type", violations);
			notNegative(info.size(), path + ".Size", "Size", violations);
			positive(info.width(), path + ".Width", "Width", violations);
			positive(info.height(), path + ".Height", "Height", violations);
			requireText(info.url(), path + ".URL", "URL", violations);
			webUrl(info.url(), path + ".URL", "URL", violations);
		}
	}

	private void checkVideo(MsgElement.VideoFileElem video, String content, List<Violation> violations) {
		requireText(video.videoUrl(), content + ".VideoUrl", "VideoUrl", violations);
		webUrl(video.videoUrl(), content + ".VideoUrl", "VideoUrl", violations);
		requireText(video.videoUuid(), content + ".VideoUUID", "VideoUUID", violations);
		notNegative(video.videoSize(), content + ".VideoSize", "VideoSize", violations);
		notNegative(video.videoSecond(), content + ".VideoSecond", "VideoSecond", violations);
		downloadFlag(video.videoDownloadFlag(), content + ".VideoDownloadFlag", "VideoDownloadFlag", violations);
		requireText(video.thumbUrl(), content + ".ThumbUrl", "ThumbUrl", violations);
		webUrl(video.thumbUrl(), content + ".ThumbUrl", "ThumbUrl", violations);
		requireText(video.thumbUuid(), content + ".ThumbUUID", "ThumbUUID", violations);
		notNegative(video.thumbSize(), content + ".ThumbSize", "ThumbSize", violations);
		positive(video.thumbWidth(), content + ".ThumbWidth", "ThumbWidth", violations);
		positive(video.thumbHeight(), content + ".ThumbHeight", "ThumbHeight", violations);
		downloadFlag(video.thumbDownloadFlag(), content + ".ThumbDownloadFlag", "ThumbDownloadFlag", violations);
	}

	private void checkOptions(OfficialAccountMessage message, List<Violation> violations) {
		oneOf(message.onlineOnlyFlag(), ZERO_ONE, "OnlineOnlyFlag", "OnlineOnlyFlag", violations);
		knownNames(message.sendMsgControl(), SEND_MSG_CONTROLS, "SendMsgControl", violations);
		knownNames(message.forbidCallbackControl(), FORBID_CALLBACK_CONTROLS, "ForbidCallbackControl", violations);
		Integer onlineOnly = message.onlineOnlyFlag();
		if (onlineOnly != null && onlineOnly == 1 && message.sendMsgControl() != null) {
			violations.add(Violation.error("SendMsgControl", SEND_MSG_CONTROL_WITH_ONLINE_ONLY));
		}
	}

	private void checkOfflinePush(OfficialAccountMessage message, List<Violation> violations) {
		OfflinePushInfo push = message.offlinePushInfo();
		if (push != null) {
			oneOf(push.pushFlag(), ZERO_ONE, "OfflinePushInfo.PushFlag", "PushFlag", violations);
			shownText(push.title(), "OfflinePushInfo.Title", "Title", violations);
			shownText(push.desc(), "OfflinePushInfo.Desc", "Desc", violations);
			OfflinePushInfo.ApnsInfo apns = push.apnsInfo();
			if (apns != null) {
				shownText(apns.title(), "OfflinePushInfo.ApnsInfo.Title", "Title", violations);
				shownText(apns.subTitle(), "OfflinePushInfo.ApnsInfo.SubTitle", "SubTitle", violations);
				webUrl(apns.image(), "OfflinePushInfo.ApnsInfo.Image", "Image", violations);
				oneOf(apns.badgeMode(), ZERO_ONE, "OfflinePushInfo.ApnsInfo.BadgeMode", "BadgeMode", violations);
				oneOf(apns.mutableContent(), ZERO_ONE, "OfflinePushInfo.ApnsInfo.MutableContent", "MutableContent",
						violations);
			}
			int descExt = utf8Length(push.desc()) + utf8Length(push.ext());
			if (descExt > MAX_PUSH_DESC_EXT_BYTES) {
				violations.add(
						Violation.warning("OfflinePushInfo", PUSH_DESC_EXT_TOO_LONG, descExt, MAX_PUSH_DESC_EXT_BYTES));
			}
		}
		// Tencent sends no offline push for a lone custom element without any push text.
		List<@Nullable MsgElement> body = message.msgBody();
		if (body != null && body.size() == 1 && body.get(0) instanceof MsgElement.CustomElem custom
				&& isEmpty(custom.desc()) && (push == null || isEmpty(push.desc()))
				&& (push == null || push.pushFlag() == null || push.pushFlag() != 1)) {
			violations.add(Violation.warning("MsgBody[0].MsgContent.Desc", CUSTOM_ELEM_NO_PUSH));
		}
	}

	private int serializedSize(OfficialAccountMessage message, List<Violation> violations) {
		int size;
		try {
			// A lone UTF-16 surrogate (half an emoji) has no UTF-8 form; Jackson would
			// escape it
			// and Tencent would receive text that no client can show.
			int before = violations.size();
			findBrokenText(TencentJson.mapper().valueToTree(message), "", violations);
			if (violations.size() > before) {
				return -1;
			}
			size = TencentJson.toBytes(message).length;
		}
		catch (JacksonException ex) {
			violations.add(Violation.error("", NOT_SERIALIZABLE));
			return -1;
		}
		if (size > MAX_MESSAGE_BYTES) {
			violations.add(Violation.error("", SIZE_TOO_LARGE, size, MAX_MESSAGE_BYTES));
		}
		return size;
	}

	private static void findBrokenText(JsonNode node, String path, List<Violation> violations) {
		if (node.isString()) {
			if (hasLoneSurrogate(node.stringValue())) {
				violations.add(Violation.error(path, NOT_SERIALIZABLE));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				findBrokenText(node.get(i), path + "[" + i + "]", violations);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String name = property.getKey();
				findBrokenText(property.getValue(), path.isEmpty() ? name : path + "." + name, violations);
			}
		}
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Media is fetched by every subscriber's phone: only web addresses, never
	 * {@code javascript:}, {@code data:}, {@code file:} or a relative path.
	 */
	private static void webUrl(@Nullable String value, String path, String field, List<Violation> violations) {
		if (!isEmpty(value) && !isWebUrl(value)) {
			violations.add(Violation.error(path, WEB_URL, field));
		}
	}

	private static boolean isWebUrl(String value) {
		URI uri;
		try {
			// Also refuses unencoded spaces and control characters.
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		return (scheme.equals("https") || scheme.equals("http")) && !isEmpty(uri.getRawAuthority());
	}

	/**
	 * Text a subscriber reads may hold tabs and line breaks (browsers post a textarea's
	 * breaks as CR LF), but no other control character: phones show those as boxes or not
	 * at all, and they can hide what a message really says.
	 */
	private static void shownText(@Nullable String value, String path, String field, List<Violation> violations) {
		if (value == null) {
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean lineBreak = c == '\n' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
			if (Character.getType(c) == Character.CONTROL && c != '\t' && !lineBreak) {
				violations.add(Violation.error(path, CONTROL_CHARACTER, field, String.format("U+%04X", (int) c)));
				return;
			}
		}
	}

	private static void require(@Nullable Object value, String path, String field, List<Violation> violations) {
		if (value == null) {
			violations.add(Violation.error(path, FIELD_REQUIRED, field));
		}
	}

	private static void requireText(@Nullable String value, String path, String field, List<Violation> violations) {
		if (isEmpty(value)) {
			violations.add(Violation.error(path, FIELD_REQUIRED, field));
		}
	}

	private static void notNegative(@Nullable Number value, String path, String field, List<Violation> violations) {
		if (value != null && value.longValue() < 0) {
			violations.add(Violation.error(path, FIELD_NEGATIVE, field, value));
		}
	}

	private static void positive(@Nullable Integer value, String path, String field, List<Violation> violations) {
		if (value == null) {
			violations.add(Violation.error(path, FIELD_REQUIRED, field));
		}
		else if (value <= 0) {
			violations.add(Violation.error(path, FIELD_RANGE, field, 1, Integer.MAX_VALUE, value));
		}
	}

	private static void coordinate(@Nullable Double value, String path, String field, int limit,
			List<Violation> violations) {
		if (value == null) {
			violations.add(Violation.error(path, FIELD_REQUIRED, field));
		}
		else if (value.isNaN() || value.isInfinite()) {
			violations.add(Violation.error(path, FIELD_NOT_FINITE, field));
		}
		else if (value < -limit || value > limit) {
			violations.add(Violation.error(path, FIELD_RANGE, field, -limit, limit, value));
		}
	}

	private static void downloadFlag(@Nullable Integer value, String path, String field, List<Violation> violations) {
		if (value == null || value != REQUIRED_DOWNLOAD_FLAG) {
			violations.add(
					Violation.error(path, DOWNLOAD_FLAG, field, REQUIRED_DOWNLOAD_FLAG, (value != null) ? value : "-"));
		}
	}

	private static void oneOf(@Nullable Integer value, List<Integer> allowed, String path, String field,
			List<Violation> violations) {
		if (value != null && !allowed.contains(value)) {
			violations.add(Violation.error(path, FIELD_UNKNOWN_VALUE, field, value, joined(allowed)));
		}
	}

	private static void knownNames(@Nullable List<@Nullable String> values, List<String> allowed, String path,
			List<Violation> violations) {
		if (values == null) {
			return;
		}
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || !allowed.contains(value)) {
				violations.add(Violation.error(path + "[" + i + "]", FIELD_UNKNOWN_VALUE, path, String.valueOf(value),
						joined(allowed)));
			}
		}
	}

	private static String joined(List<?> values) {
		return String.join(", ", values.stream().map(String::valueOf).toList());
	}

	private static boolean isEmpty(@Nullable String value) {
		return value == null || value.isEmpty();
	}

	private static int utf8Length(@Nullable String value) {
		return (value != null) ? value.getBytes(StandardCharsets.UTF_8).length : 0;
	}

}
