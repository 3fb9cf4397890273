package dev.herald.tencent;

import java.net.URI;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes the UserSig from anything that could be printed. Every URI or exception text
 * that may reach a log line or a message goes through here first.
 */
public final class Redaction {

	/** What a UserSig is replaced with. */
	public static final String MASK = "***";

	private static final Pattern USER_SIG = Pattern.compile("(?i)(usersig=)[^&\\s\"'<>]*");

	private Redaction() {
	}

	public static String redact(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return USER_SIG.matcher(text).replaceAll("$1" + MASK);
	}

	public static String redact(@Nullable URI uri) {
		return (uri != null) ? redact(uri.toString()) : "";
	}

	/**
	 * Class and message of a throwable (and its causes), redacted. Never a stack trace.
	 */
	public static String describe(@Nullable Throwable ex) {
		StringBuilder text = new StringBuilder();
		Throwable current = ex;
		int depth = 0;
		while (current != null && depth < 4) {
			if (depth > 0) {
				text.append(" <- ");
			}
			text.append(current.getClass().getSimpleName());
			if (current.getMessage() != null) {
				text.append(": ").append(current.getMessage());
			}
			current = (current.getCause() != current) ? current.getCause() : null;
			depth++;
		}
		return redact(text.toString());
	}

}
