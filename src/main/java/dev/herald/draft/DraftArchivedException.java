package dev.herald.draft;

import org.jspecify.annotations.Nullable;

/**
 * A change to an archived draft: it must be restored first.
 */
class DraftArchivedException extends IllegalStateException {

	DraftArchivedException(@Nullable Long id) {
		super("Draft " + id + " is archived; restore it first");
	}

}
