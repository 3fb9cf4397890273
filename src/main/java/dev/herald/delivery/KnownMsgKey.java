package dev.herald.delivery;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A MsgKey an operator types when marking a delivery as sent: Tencent's keys are short
 * runs of visible ASCII, such as {@code 89541_1_1572870301}. Anything else is a slip (a
 * space inside, a full-width character, a whole line pasted) that would make the delivery
 * look recallable with a key Tencent does not know.
 */
final class KnownMsgKey {

	/** The {@code delivery.msg_key} column's width. */
	static final int MAX_LENGTH = 64;

	private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

	private KnownMsgKey() {
	}

	/**
	 * The key as it is stored: trimmed, {@code null} when blank.
	 * @param typed what the operator typed
	 * @return the key, or {@code null}
	 */
	static @Nullable String normalize(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return typed.strip();
	}

	/**
	 * What is wrong with a normalized key.
	 * @param key the key, or {@code null} (no key is fine)
	 * @return the message key that says what is wrong, or {@code null} when it is fine
	 */
	static @Nullable String problem(@Nullable String key) {
		if (key == null) {
			return null;
		}
		if (key.length() > MAX_LENGTH) {
			return "decision.msgKey.tooLong";
		}
		if (!VISIBLE_ASCII.matcher(key).matches()) {
			return "decision.msgKey.invalid";
		}
		return null;
	}

}
