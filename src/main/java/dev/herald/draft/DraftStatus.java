package dev.herald.draft;

/**
 * Where a draft stands: DRAFT → IN_REVIEW → APPROVED or CHANGES_REQUESTED; any edit
 * returns it to DRAFT.
 */
enum DraftStatus {

	DRAFT, IN_REVIEW, APPROVED, CHANGES_REQUESTED

}
