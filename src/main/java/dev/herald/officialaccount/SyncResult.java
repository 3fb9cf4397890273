package dev.herald.officialaccount;

import org.jspecify.annotations.Nullable;

/**
 * What a sync from Tencent did.
 *
 * @param updated accounts whose name and subscriber count were refreshed
 * @param notFound accounts Tencent did not know
 * @param failure why the sync stopped early (an error code in words or a network reason),
 * or {@code null}
 */
record SyncResult(int updated, int notFound, @Nullable String failure) {
}
