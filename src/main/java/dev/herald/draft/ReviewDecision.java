package dev.herald.draft;

/**
 * What a reviewer decided about one version.
 */
enum ReviewDecision {

	APPROVED, CHANGES_REQUESTED

}
