package dev.herald.draft;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Reads the one-time token a form carries. A missing or garbled token means "no token":
 * the POST still works, only without the protection against repeats.
 */
final class SubmissionToken {

	private SubmissionToken() {
	}

	static @Nullable UUID parse(@Nullable String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(token.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
