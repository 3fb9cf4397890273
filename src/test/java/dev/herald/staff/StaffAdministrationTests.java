package dev.herald.staff;

import java.util.Set;
import java.util.UUID;

import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * User administration end to end on PostgreSQL.
 */
@ApplicationTest
class StaffAdministrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private StaffUsers users;

	@Autowired
	private StaffUserRepository repository;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void adminCreatesAUserWhoThenAppearsInTheList() {
		String username = "new" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.with(csrf())
			.with(user("root").roles("ADMIN"))
			.param("username", username)
			.param("displayName", "<script>alert(1)</script>")
			.param("roles", "OPERATOR", "EDITOR")
			.param("password", "a fine long password")).hasStatus(302);
		StaffUser saved = this.repository.findByUsername(username).orElseThrow();
		assertThat(saved.getRoles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.EDITOR);
		assertThat(this.passwordEncoder.matches("a fine long password", saved.getPasswordHash())).isTrue();
		assertThat(this.mvc.get().uri("/admin/users").with(user("root").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains(username)
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void duplicateUserNameIsRefusedWhateverTheCase() {
		String username = "dup" + UUID.randomUUID().toString().substring(0, 6);
		this.users.create(username, "First", "a fine long password", Set.of(Role.ANALYST));
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.with(csrf())
			.with(user("root").roles("ADMIN"))
			.param("username", username.toUpperCase())
			.param("displayName", "Second")
			.param("roles", "ANALYST")
			.param("password", "a fine long password")).hasStatusOk().bodyText().contains("already taken");
	}

	@Test
	void adminCannotDisableThemselves() {
		StaffUser me = this.users.create("me" + UUID.randomUUID().toString().substring(0, 6), "Me",
				"a fine long password", Set.of(Role.ADMIN));
		assertThat(this.mvc.post()
			.uri("/admin/users/{id}", me.getId())
			.with(csrf())
			.with(user(me.getUsername()).roles("ADMIN"))
			.param("displayName", "Me")
			.param("roles", "ADMIN")
			.param("_enabled", "on") // what the browser sends for an unticked box
			.param("version", String.valueOf(me.getVersion()))).hasStatusOk()
			.bodyText()
			.contains("You cannot disable your own account.");
		assertThat(this.repository.findById(me.getId()).orElseThrow().isEnabled()).isTrue();
	}

	@Test
	void staleEditGetsTheConflictPageAndOverwritesNothing() {
		StaffUser user = this.users.create("st" + UUID.randomUUID().toString().substring(0, 6), "Original",
				"a fine long password", Set.of(Role.EDITOR));
		this.users.update(user.getId(), user.getVersion(), "Changed first", Set.of(Role.EDITOR), true, "root");
		assertThat(this.mvc.post()
			.uri("/admin/users/{id}", user.getId())
			.with(csrf())
			.with(user("root").roles("ADMIN"))
			.param("displayName", "Stale change")
			.param("roles", "EDITOR")
			.param("enabled", "true")
			.param("version", String.valueOf(user.getVersion()))).hasStatus(409);
		assertThat(this.repository.findById(user.getId()).orElseThrow().getDisplayName()).isEqualTo("Changed first");
	}

	@Test
	void adminResetsAPassword() {
		StaffUser user = this.users.create("rs" + UUID.randomUUID().toString().substring(0, 6), "Reset me",
				"a fine long password", Set.of(Role.EDITOR));
		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/password", user.getId())
			.with(csrf())
			.with(user("root").roles("ADMIN"))
			.param("newPassword", " spaces kept ")
			.param("confirmPassword", " spaces kept ")).hasStatus(302);
		String hash = this.repository.findById(user.getId()).orElseThrow().getPasswordHash();
		assertThat(this.passwordEncoder.matches(" spaces kept ", hash)).isTrue();
	}

	@Test
	void userChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
		StaffUser user = this.users.create("pw" + UUID.randomUUID().toString().substring(0, 6), "Pw",
				"a fine long password", Set.of(Role.ANALYST));
		assertThat(this.mvc.post()
			.uri("/account/password")
			.with(csrf())
			.with(user(user.getUsername()).roles("ANALYST"))
			.param("currentPassword", "wrong password!")
			.param("newPassword", "another long password")
			.param("confirmPassword", "another long password")).hasStatusOk()
			.bodyText()
			.contains("The current password is wrong.");
		assertThat(this.mvc.post()
			.uri("/account/password")
			.with(csrf())
			.with(user(user.getUsername()).roles("ANALYST"))
			.param("currentPassword", "a fine long password")
			.param("newPassword", "another long password")
			.param("confirmPassword", "another long password")).hasStatus(302);
		String hash = this.repository.findById(user.getId()).orElseThrow().getPasswordHash();
		assertThat(this.passwordEncoder.matches("another long password", hash)).isTrue();
	}

	@Test
	void editFormDoesNotAskForAPassword() {
		StaffUser user = this.users.create("ed" + UUID.randomUUID().toString().substring(0, 6), "Edit me",
				"a fine long password", Set.of(Role.EDITOR));
		assertThat(this.mvc.get().uri("/admin/users/{id}", user.getId()).with(user("root").roles("ADMIN")))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("name=\"password\"");
	}

	@Test
	void unknownUserIdGetsTheNotFoundPage() {
		assertThat(this.mvc.get().uri("/admin/users/424242424").with(user("root").roles("ADMIN"))).hasStatus(404);
	}

}
