package dev.herald.officialaccount;

import org.jspecify.annotations.Nullable;

/**
 * The rules an official account id follows: Tencent's {@code @TOA#_} prefix, printable
 * characters, at most 64 of them.
 */
final class AccountIds {

	static final String PREFIX = "@TOA#_";

	static final int MAX_LENGTH = 64;

	private AccountIds() {
	}

	/**
	 * Checks an id.
	 * @param accountId the id as typed
	 * @return the message key of the problem, or {@code null} when the id is fine
	 */
	static @Nullable String problem(@Nullable String accountId) {
		if (accountId == null || accountId.isBlank()) {
			return "accounts.id.required";
		}
		if (!accountId.startsWith(PREFIX) || accountId.length() == PREFIX.length()) {
			return "accounts.id.prefix";
		}
		if (accountId.length() > MAX_LENGTH) {
			return "accounts.id.tooLong";
		}
		for (int i = 0; i < accountId.length(); i++) {
			char c = accountId.charAt(i);
			if (c <= ' ' || c == 0x7f || c > 0x7e) {
				return "accounts.id.characters";
			}
		}
		return null;
	}

}
