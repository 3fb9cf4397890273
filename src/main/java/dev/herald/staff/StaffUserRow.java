package dev.herald.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the user list.
 */
record StaffUserRow(long id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {

	static StaffUserRow of(StaffUser user) {
		return new StaffUserRow(Objects.requireNonNull(user.getId()), user.getUsername(), user.getDisplayName(),
				user.getRoles(), user.isEnabled(), user.getCreatedAt());
	}

}
