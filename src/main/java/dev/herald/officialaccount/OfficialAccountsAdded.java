package dev.herald.officialaccount;

import java.util.List;

/**
 * Official accounts were added to a Chat app (by hand, by import, or updated by import).
 *
 * @param chatAppId the app
 * @param accounts the accounts with their names and subscriber counts
 */
public record OfficialAccountsAdded(long chatAppId, List<OfficialAccountView> accounts) {
}
