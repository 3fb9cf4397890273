package dev.herald.staff;

/**
 * What a staff user may do. A user may hold several roles; ADMIN also holds the rights of
 * every other role, but the four-eyes rule still applies to it.
 */
public enum Role {

	/** Manages users, Chat apps, official accounts and settings. */
	ADMIN,

	/** Writes drafts and runs campaigns. */
	OPERATOR,

	/** Reviews and approves drafts. */
	EDITOR,

	/** Reads and exports everything, changes nothing. */
	ANALYST;

	String authority() {
		return "ROLE_" + name();
	}

}
