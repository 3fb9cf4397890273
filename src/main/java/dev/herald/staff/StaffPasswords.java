package dev.herald.staff;

final class StaffPasswords {

	/** Shortest password a person may choose (demo users are seeded, not chosen). */
	static final int MIN_LENGTH = 10;

	private StaffPasswords() {
	}

}
