package dev.herald.draft;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the draft page shows, read in one transaction.
 *
 * @param lastApproved the newest version whose approval still matches its content
 */
record DraftView(Draft draft, DraftVersion current, List<DraftVersion> history, List<DraftReview> decisions,
		@Nullable DraftVersion lastApproved) {

}
