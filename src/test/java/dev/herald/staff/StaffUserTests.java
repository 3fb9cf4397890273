package dev.herald.staff;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StaffUserTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void storesTheUserNameInLowerCase() {
		StaffUser user = new StaffUser("  Alice.Admin ", "Alice", "hash", Set.of(Role.ADMIN), NOW);
		assertThat(user.getUsername()).isEqualTo("alice.admin");
	}

	@Test
	void startsEnabled() {
		assertThat(new StaffUser("bob", "Bob", "hash", Set.of(Role.OPERATOR), NOW).isEnabled()).isTrue();
	}

	@Test
	void rejectsAUserWithoutRoles() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StaffUser("bob", "Bob", "hash", Set.of(), NOW));
	}

	@Test
	void rejectsAnUpdateThatRemovesEveryRole() {
		StaffUser user = new StaffUser("bob", "Bob", "hash", Set.of(Role.OPERATOR), NOW);
		assertThatIllegalArgumentException().isThrownBy(() -> user.update("Bob", Set.of(), true, NOW));
	}

	@Test
	void holdsSeveralRoles() {
		StaffUser user = new StaffUser("carol", "Carol", "hash", Set.of(Role.OPERATOR, Role.EDITOR), NOW);
		assertThat(user.getRoles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.EDITOR);
	}

	@Test
	void rolesHandedOutAreACopy() {
		StaffUser user = new StaffUser("carol", "Carol", "hash", Set.of(Role.OPERATOR), NOW);
		user.getRoles().add(Role.ADMIN);
		assertThat(user.getRoles()).containsExactly(Role.OPERATOR);
	}

	@Test
	void changingThePasswordRecordsWhen() {
		StaffUser user = new StaffUser("dan", "Dan", "old", Set.of(Role.ANALYST), NOW);
		user.changePassword("new", NOW.plusSeconds(60));
		assertThat(user.getPasswordHash()).isEqualTo("new");
	}

}
