package dev.herald.staff;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.herald.support.ApplicationTest;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

	@Autowired
	private TestUsers testUsers;

	@LocalServerPort
	private int port;

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
	void savingAUserUntickedAsksBeforeDisablingThemAndThenSavesEverything() {
		StaffUser user = this.users.create("ds" + UUID.randomUUID().toString().substring(0, 6), "Dana Smith",
				"a fine long password", Set.of(Role.EDITOR));
		WebSession admin = WebSession.signIn(this.port, this.testUsers.create("admin", "ADMIN"));
		String page = admin.get("/admin/users/" + user.getId()).body();
		assertThat(WebSession.formTag(page, "action=\"/admin/users/" + user.getId() + "\""))
			.contains("data-confirm=\"true\"")
			.contains("data-confirm-if-unchecked=\"enabled\"");
		List<Map.Entry<String, String>> unticked = List.of(Map.entry("_csrf", WebSession.csrf(page)),
				Map.entry("version", WebSession.field(page, "version")), Map.entry("displayName", "Dana S."),
				Map.entry("roles", "EDITOR"), Map.entry("roles", "ANALYST"), Map.entry("_roles", "on"),
				Map.entry("_enabled", "on"));

		HttpResponse<String> question = admin.post("/admin/users/" + user.getId(), unticked);

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Disable user " + user.getUsername() + "?")
			.contains("Once saved, Dana Smith (" + user.getUsername() + ") can no longer sign in.")
			.contains(">Save and disable " + user.getUsername() + "</button>")
			.contains("name=\"displayName\" value=\"Dana S.\"");
		StaffUser unchanged = this.repository.findById(user.getId()).orElseThrow();
		assertThat(unchanged.isEnabled()).isTrue();
		assertThat(unchanged.getDisplayName()).isEqualTo("Dana Smith");

		assertThat(admin.confirm(question).statusCode()).isEqualTo(302);
		StaffUser saved = this.repository.findById(user.getId()).orElseThrow();
		assertThat(saved.isEnabled()).isFalse();
		assertThat(saved.getDisplayName()).isEqualTo("Dana S.");
		assertThat(saved.getRoles()).containsExactlyInAnyOrder(Role.EDITOR, Role.ANALYST);
		// A disabled user's form does not ask; saving it still ticked off asks nothing.
		page = admin.get("/admin/users/" + user.getId()).body();
		assertThat(WebSession.formTag(page, "action=\"/admin/users/" + user.getId() + "\""))
			.doesNotContain("data-confirm");
		assertThat(admin.post("/admin/users/" + user.getId(),
				List.of(Map.entry("_csrf", WebSession.csrf(page)),
						Map.entry("version", WebSession.field(page, "version")), Map.entry("displayName", "Dana"),
						Map.entry("roles", "EDITOR"), Map.entry("_enabled", "on")))
			.statusCode()).isEqualTo(302);
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
