package dev.herald.officialaccount;

import dev.herald.tencent.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * What a sync from Tencent did.
 *
 * @param updated accounts whose name and subscriber count were refreshed
 * @param notFound accounts Tencent did not know
 * @param failure the call that stopped the sync early, or {@code null}
 */
record SyncResult(int updated, int notFound, @Nullable CallResult<?> failure) {
}
