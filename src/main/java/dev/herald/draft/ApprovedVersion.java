package dev.herald.draft;

import java.time.Instant;

/**
 * A draft version that a second person approved, exactly as approved.
 *
 * @param contentJson the canonical wire JSON without {@code Official_Account} and
 * {@code Random}
 * @param contentHash SHA-256 of {@code contentJson}, hex
 */
public record ApprovedVersion(long draftId, long versionId, int number, String title, String contentJson,
		String contentHash, String approvedBy, Instant approvedAt) {

}
