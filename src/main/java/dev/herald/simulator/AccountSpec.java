package dev.herald.simulator;

import org.jspecify.annotations.Nullable;

/**
 * An official account known to a simulated app.
 *
 * @param officialAccount the OA ID ({@code @TOA#_...})
 * @param name the display name
 * @param subscriberNum the subscriber count reported by get_official_account_info
 */
record AccountSpec(String officialAccount, @Nullable String name, long subscriberNum) {

	AccountSpec {
		if (officialAccount == null || !officialAccount.startsWith(OfficialAccountSimulator.OA_PREFIX)) {
			throw new IllegalArgumentException("officialAccount must start with " + OfficialAccountSimulator.OA_PREFIX);
		}
		if (subscriberNum < 0) {
			throw new IllegalArgumentException("subscriberNum must not be negative");
		}
	}

}
