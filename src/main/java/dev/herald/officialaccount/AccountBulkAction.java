package dev.herald.officialaccount;

/**
 * What a bulk action does to every account a filter matches, as SQL: which of them it
 * changes (an account that already has the tag is not tagged again, so the count the
 * confirmation names is the count that changes) and how.
 */
enum AccountBulkAction {

	// A tag is added to accounts below the per-account limit only.
	TAG(true, "not (a.tags @> array[?]::text[]) and cardinality(a.tags) < " + Tags.MAX_PER_ACCOUNT,
			"tags = array(select distinct t from unnest(a.tags || array[?]::text[]) as t order by 1)"),

	UNTAG(true, "a.tags @> array[?]::text[]", "tags = array_remove(a.tags, ?::text)"),

	ARCHIVE(false, "a.archived_at is null", "archived_at = ?"),

	RESTORE(false, "a.archived_at is not null", "archived_at = null");

	private final boolean needsTag;

	private final String changes;

	private final String set;

	AccountBulkAction(boolean needsTag, String changes, String set) {
		this.needsTag = needsTag;
		this.changes = changes;
		this.set = set;
	}

	boolean needsTag() {
		return this.needsTag;
	}

	/** A condition on {@code official_account a}: the accounts this action changes. */
	String changes() {
		return this.changes;
	}

	/** The assignment of the update; its one parameter is the tag or the time. */
	String set() {
		return this.set;
	}

	boolean setTakesParameter() {
		return this != RESTORE;
	}

}
