package dev.herald.staff;

import java.util.Set;
import java.util.UUID;

import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Sign-in against real users in PostgreSQL: the right refusal for every wrong attempt,
 * never a 500.
 */
@ApplicationTest
class SignInTests {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private StaffUsers users;

	@Test
	void rightPasswordSignsInAndLandsOnTheDashboard() {
		String username = newUser(Role.OPERATOR);
		assertThat(signIn(username, PASSWORD)).hasStatus(302).hasRedirectedUrl("/");
	}

	@Test
	void userNamesAreCaseInsensitive() {
		String username = newUser(Role.OPERATOR);
		assertThat(signIn(username.toUpperCase(), PASSWORD)).hasRedirectedUrl("/");
	}

	@Test
	void wrongPasswordIsRefused() {
		String username = newUser(Role.OPERATOR);
		assertThat(signIn(username, "not the password")).hasStatus(302).hasRedirectedUrl("/login?error");
	}

	@Test
	void unknownUserIsRefusedTheSameWay() {
		assertThat(signIn("nobody-" + UUID.randomUUID(), PASSWORD)).hasStatus(302).hasRedirectedUrl("/login?error");
	}

	@Test
	void disabledUserIsRefusedEvenWithTheRightPassword() {
		String username = newUser(Role.EDITOR);
		StaffUser user = this.users.all().stream().filter((u) -> u.getUsername().equals(username)).findFirst().get();
		this.users.update(user.getId(), user.getVersion(), "Gone", Set.of(Role.EDITOR), false, "someone-else");
		assertThat(signIn(username, PASSWORD)).hasStatus(302).hasRedirectedUrl("/login?error");
	}

	@Test
	void signInWithoutCsrfTokenIsForbidden() {
		String username = newUser(Role.OPERATOR);
		assertThat(this.mvc.post().uri("/login").param("username", username).param("password", PASSWORD))
			.hasStatus(403);
	}

	@Test
	void repeatedFailuresLockTheUserNameOutEvenForTheRightPassword() {
		String username = newUser(Role.ANALYST);
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(username, "wrong " + i)).hasRedirectedUrl("/login?error");
		}
		assertThat(signIn(username, PASSWORD)).hasStatus(302).hasRedirectedUrl("/login?locked");
	}

	@Test
	void signInPageShowsTheLockoutInWords() {
		assertThat(this.mvc.get().uri("/login?locked")).hasStatusOk().bodyText().contains("Too many failed sign-ins");
	}

	@Test
	void pageAfterSignOutSaysSo() {
		assertThat(this.mvc.get().uri("/login?logout")).hasStatusOk().bodyText().contains("You have signed out");
	}

	private MvcTestResult signIn(String username, String password) {
		return this.mvc.perform(MockMvcRequestBuilders.post("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with((request) -> {
				// Each test signs in from its own address so address lockouts do not
				// leak.
				request.setRemoteAddr("10.0.0." + Math.floorMod(username.hashCode(), 250));
				return request;
			}));
	}

	private String newUser(Role role) {
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		this.users.create(username, "Test " + role, PASSWORD, Set.of(role));
		return username;
	}

}
