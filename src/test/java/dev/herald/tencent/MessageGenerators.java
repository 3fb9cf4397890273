package dev.herald.tencent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.herald.support.Choices;
import org.jspecify.annotations.Nullable;

/**
 * Messages built from {@link Choices}: any message at all for the validator's robustness,
 * and messages the validator must accept for the wire format. The property tests draw the
 * choices from seeds, the fuzz test from Jazzer.
 */
final class MessageGenerators {

	private static final String TEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,中文日本語한국어\"\\\n😀";

	private static final String URL_PATH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/中文";

	private static final List<String> CONTROL_NAMES = List.of(OfficialAccountMessage.NO_LAST_MSG,
			OfficialAccountMessage.FORBID_BEFORE_SEND_MSG_CALLBACK,
			OfficialAccountMessage.FORBID_AFTER_SEND_MSG_CALLBACK);

	private static final List<List<String>> FORBID_CONTROLS = List.of(List.of(),
			List.of(OfficialAccountMessage.FORBID_BEFORE_SEND_MSG_CALLBACK),
			List.of(OfficialAccountMessage.FORBID_AFTER_SEND_MSG_CALLBACK),
			List.of(OfficialAccountMessage.FORBID_BEFORE_SEND_MSG_CALLBACK,
					OfficialAccountMessage.FORBID_AFTER_SEND_MSG_CALLBACK));

	private MessageGenerators() {
	}

	/** Anything at all: nulls, junk numbers, broken and oversized text included. */
	static OfficialAccountMessage anyMessage(Choices c) {
		return new OfficialAccountMessage(anyText(c), c.anyLong(),
				c.orNull(0.1, () -> c.listOf(0, 4, () -> c.orNull(0.05, () -> anyElement(c)))), anyText(c),
				c.orNull(0.3, () -> anyPush(c)), anyInt(c), anyNames(c), anyNames(c));
	}

	/** Only messages the validator accepts, with text from several scripts. */
	static OfficialAccountMessage validMessage(Choices c) {
		return message(c, false);
	}

	/**
	 * Messages built like {@link #validMessage}, but now and then with a part from
	 * {@link #anyMessage} or text long enough to pass the byte limit: most are accepted,
	 * the rest fail one rule or a few, so a fuzzer reaches every check from both sides.
	 */
	static OfficialAccountMessage nearlyValidMessage(Choices c) {
		return message(c, true);
	}

	private static OfficialAccountMessage message(Choices c, boolean rough) {
		String officialAccount = part(c, rough, () -> MessageValidator.OFFICIAL_ACCOUNT_PREFIX + text(c, rough),
				() -> anyText(c));
		long random = part(c, rough, () -> c.between(0, MessageValidator.MAX_RANDOM), c::anyLong);
		List<MsgElement> body = new ArrayList<>(
				c.listOf(1, 5, () -> part(c, rough, () -> validElement(c, rough), () -> anyElement(c))));
		MsgElement.CustomElem custom = c.orNull(0.5, () -> new MsgElement.CustomElem(optionalText(c, rough),
				text(c, rough), optionalText(c, rough), optionalText(c, rough)));
		if (custom != null) {
			body.add(custom);
		}
		String data = part(c, rough, () -> optionalText(c, rough), () -> anyText(c));
		OfflinePushInfo push = part(c, rough, () -> c.orNull(0.4, () -> validPush(c, rough)), () -> anyPush(c));
		Integer onlineOnly = part(c, rough, () -> c.orNull(0.5, () -> c.between(0, 1)), () -> anyInt(c));
		boolean noLastMsg = c.chance(0.5);
		List<String> sendMsgControl = part(c, rough, () -> (noLastMsg && (onlineOnly == null || onlineOnly == 0))
				? List.of(OfficialAccountMessage.NO_LAST_MSG) : null, () -> anyNames(c));
		List<String> forbid = part(c, rough, () -> c.orNull(0.5, () -> c.oneOf(FORBID_CONTROLS)), () -> anyNames(c));
		return new OfficialAccountMessage(officialAccount, random, body, data, push, onlineOnly, sendMsgControl,
				forbid);
	}

	/** A valid part, or when rough now and then any part at all. */
	private static <T> T part(Choices c, boolean rough, Supplier<T> valid, Supplier<T> any) {
		return (rough && c.chance(0.05)) ? any.get() : valid.get();
	}

	private static @Nullable String anyText(Choices c) {
		if (c.chance(0.2)) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		int pieces = c.between(0, 20);
		for (int i = 0; i < pieces; i++) {
			switch (c.between(0, 4)) {
				case 0 -> text.append((char) c.between(0x20, 0x7E));
				case 1 -> text.append((char) c.between(0x00, 0x9F));
				case 2 -> text.append((char) c.between(0x4E00, 0x9FFF));
				case 3 -> text.append("😀");
				default -> text.append(c.anyChar());
			}
		}
		// Now and then a long one: repeated, it passes the message's byte limit.
		return c.chance(0.02) ? text.toString().repeat(c.between(1, 5_000)) : text.toString();
	}

	private static @Nullable Integer anyInt(Choices c) {
		return c.orNull(0.2, c::anyInt);
	}

	private static @Nullable Long anyLong(Choices c) {
		return c.orNull(0.2, c::anyLong);
	}

	private static @Nullable Double anyDouble(Choices c) {
		return c.orNull(0.2, c::anyDouble);
	}

	private static MsgElement anyElement(Choices c) {
		return switch (c.between(0, 8)) {
			case 0 -> new MsgElement.TextElem(anyText(c));
			case 1 -> new MsgElement.FaceElem(anyInt(c), anyText(c));
			case 2 -> new MsgElement.LocationElem(anyText(c), anyDouble(c), anyDouble(c));
			case 3 -> new MsgElement.CustomElem(anyText(c), anyText(c), anyText(c), anyText(c));
			case 4 ->
				new MsgElement.ImageElem(anyText(c), anyInt(c), c.orNull(0.2, () -> c.listOf(0, 3, () -> c.orNull(0.1,
						() -> new MsgElement.ImageInfo(anyInt(c), anyLong(c), anyInt(c), anyInt(c), anyText(c))))));
			case 5 -> new MsgElement.SoundElem(anyText(c), anyText(c), anyLong(c), anyInt(c), anyInt(c));
			case 6 -> new MsgElement.FileElem(anyText(c), anyText(c), anyLong(c), anyText(c), anyInt(c));
			case 7 -> new MsgElement.VideoFileElem(anyText(c), anyText(c), anyLong(c), anyInt(c), anyText(c), anyInt(c),
					anyText(c), anyText(c), anyLong(c), anyInt(c), anyInt(c), anyText(c), anyInt(c));
			default -> {
				String type = anyText(c);
				yield new MsgElement.UnknownElem((type != null) ? type : "", null);
			}
		};
	}

	private static OfflinePushInfo anyPush(Choices c) {
		String title = anyText(c);
		return new OfflinePushInfo(anyInt(c), title, anyText(c), anyText(c), OfflinePushInfo.AndroidInfo.ofSound(title),
				new OfflinePushInfo.ApnsInfo(anyText(c), anyInt(c), anyText(c), anyText(c), anyText(c), anyInt(c)));
	}

	private static @Nullable List<@Nullable String> anyNames(Choices c) {
		return c.orNull(0.3, () -> c.listOf(0, 3, () -> c.chance(0.5) ? c.oneOf(CONTROL_NAMES) : anyText(c)));
	}

	private static String text(Choices c, boolean rough) {
		String text = c.string(1, 30, TEXT);
		// Rough messages now and then carry text that alone passes the byte limit.
		return (rough && c.chance(0.02)) ? text.repeat(c.between(1, 2_000)) : text;
	}

	private static @Nullable String optionalText(Choices c, boolean rough) {
		return c.orNull(0.3, () -> text(c, rough));
	}

	private static String url(Choices c) {
		return c.oneOf(List.of("https://", "http://", "HTTPS://")) + "cdn.example/" + c.string(0, 30, URL_PATH);
	}

	private static int size(Choices c) {
		return c.between(1, 4096);
	}

	private static MsgElement validElement(Choices c, boolean rough) {
		return switch (c.between(0, 6)) {
			case 0 -> new MsgElement.TextElem(text(c, rough));
			case 1 -> new MsgElement.FaceElem(c.between(0, 200), optionalText(c, rough));
			case 2 -> new MsgElement.LocationElem(text(c, rough), c.between(-90.0, 90.0), c.between(-180.0, 180.0));
			case 3 -> new MsgElement.ImageElem(text(c, rough), c.oneOf(MsgElement.ImageElem.FORMATS),
					c.listOf(1, 3, () -> new MsgElement.ImageInfo(c.orNull(0.2, () -> c.between(1, 3)), (long) size(c),
							size(c), size(c), url(c))));
			case 4 -> new MsgElement.SoundElem(url(c), text(c, rough), (long) size(c), size(c), 2);
			case 5 -> new MsgElement.FileElem(url(c), text(c, rough), (long) size(c), optionalText(c, rough), 2);
			default -> new MsgElement.VideoFileElem(url(c), text(c, rough), null, null, "mp4", 2, url(c),
					text(c, rough), null, size(c), size(c), null, 2);
		};
	}

	private static OfflinePushInfo validPush(Choices c, boolean rough) {
		Integer flag = c.orNull(0.3, () -> c.between(0, 1));
		String title = optionalText(c, rough);
		String desc = optionalText(c, rough);
		String ext = optionalText(c, rough);
		OfflinePushInfo.ApnsInfo apns = c.orNull(0.3,
				() -> new OfflinePushInfo.ApnsInfo(optionalText(c, rough), c.orNull(0.3, () -> c.between(0, 1)),
						optionalText(c, rough), optionalText(c, rough), c.orNull(0.3, () -> url(c)),
						c.orNull(0.3, () -> c.between(0, 1))));
		return new OfflinePushInfo(flag, title, desc, ext,
				(title != null) ? OfflinePushInfo.AndroidInfo.ofSound(title) : null, apns);
	}

}
