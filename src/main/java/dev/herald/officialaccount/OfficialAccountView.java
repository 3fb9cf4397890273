package dev.herald.officialaccount;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An official account as other modules and pages see it.
 *
 * @param id Herald's id
 * @param chatAppId the Chat app it belongs to
 * @param accountId Tencent's {@code @TOA#_} id
 * @param name its name
 * @param subscriberCount subscribers at the last sync or import
 * @param testAccount whether test sends may go to it
 * @param syncedAt when it was last synced from Tencent
 * @param tags its tags, sorted
 * @param archived whether it is archived (left out of new runs and pickers)
 */
public record OfficialAccountView(long id, long chatAppId, String accountId, String name, long subscriberCount,
		boolean testAccount, @Nullable Instant syncedAt, List<String> tags, boolean archived) {

	static OfficialAccountView of(OfficialAccount account) {
		return new OfficialAccountView(Objects.requireNonNull(account.getId()), account.getChatAppId(),
				account.getAccountId(), account.getName(), account.getSubscriberCount(), account.isTestAccount(),
				account.getSyncedAt(), account.getTags(), account.getArchivedAt() != null);
	}

}
