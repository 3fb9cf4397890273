package dev.herald.officialaccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Free tags on official accounts ({@code region:apac}, {@code store}): lower case, no
 * spaces or commas, at most {@value #MAX_LENGTH} characters. Typed and imported as one
 * text, separated by commas, semicolons or spaces.
 */
public final class Tags {

	static final int MAX_LENGTH = 100;

	static final int MAX_PER_ACCOUNT = 50;

	private Tags() {
	}

	/**
	 * Splits and normalises a typed list of tags.
	 * @param text tags separated by commas, semicolons or white space; may be null
	 * @return distinct tags, sorted
	 */
	public static List<String> parse(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		TreeSet<String> tags = new TreeSet<>();
		for (String part : text.split("[,;\\s]+")) {
			String tag = part.strip().toLowerCase(Locale.ROOT);
			if (!tag.isEmpty()) {
				tags.add(tag);
			}
		}
		return new ArrayList<>(tags);
	}

	/**
	 * The message key of what is wrong with a list of tags, or {@code null}.
	 * @param tags parsed tags
	 * @return the problem's message key, or {@code null}
	 */
	public static @Nullable String problem(List<String> tags) {
		if (tags.size() > MAX_PER_ACCOUNT) {
			return "accounts.tags.tooMany";
		}
		for (String tag : tags) {
			if (tag.length() > MAX_LENGTH) {
				return "accounts.tags.tooLong";
			}
			for (int i = 0; i < tag.length(); i++) {
				if (Character.isISOControl(tag.charAt(i)) || tag.charAt(i) == '"') {
					return "accounts.tags.characters";
				}
			}
		}
		return null;
	}

}
