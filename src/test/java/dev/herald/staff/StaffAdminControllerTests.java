package dev.herald.staff;

import java.time.Instant;
import java.util.Set;

import dev.herald.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(StaffAdminController.class)
@Import(SecurityConfiguration.class)
@WithMockUser(username = "root", roles = "ADMIN")
class StaffAdminControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private StaffUsers users;

	@MockitoBean
	private LoginThrottle throttle;

	@Test
	void createRejectsMissingFieldsNextToThemAndSavesNothing() {
		assertThat(this.mvc.post().uri("/admin/users").with(csrf()).param("username", "").param("displayName", ""))
			.hasStatusOk()
			.hasViewName("admin/users/form")
			.model()
			.extractingBindingResult("form")
			.hasFieldErrors("username", "displayName", "roles", "password");
		then(this.users).should(never()).create(anyString(), anyString(), anyString(), any());
	}

	@Test
	void createRejectsAShortPassword() {
		assertThat(post("ok.name", "short")).hasStatusOk()
			.model()
			.extractingBindingResult("form")
			.hasFieldErrors("password");
	}

	@Test
	void createShowsATakenUserNameNextToTheField() {
		given(this.users.create(eq("taken"), anyString(), anyString(), any()))
			.willThrow(RuleViolationException.onField("username", "staff.user.username.taken"));
		assertThat(post("taken", "long enough password")).hasStatusOk()
			.bodyText()
			.contains("This user name is already taken.");
	}

	@Test
	void createRedirectsToTheListWithAMessage() {
		given(this.users.create(eq("newbie"), anyString(), anyString(), any()))
			.willReturn(new StaffUser("newbie", "New", "hash", Set.of(Role.OPERATOR), Instant.now()));
		assertThat(post("newbie", "long enough password")).hasStatus(302)
			.hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("success", "staff.user.created");
	}

	@Test
	void userNameWithSpacesIsRefused() {
		assertThat(post("bad name", "long enough password")).hasStatusOk()
			.model()
			.extractingBindingResult("form")
			.hasFieldErrors("username");
	}

	@Test
	void nonAdminIsForbidden() {
		assertThat(this.mvc.get()
			.uri("/admin/users")
			.with(SecurityMockMvcRequestPostProcessors.user("op").roles("OPERATOR"))).hasStatus(403);
	}

	private MvcTestResult post(String username, String password) {
		return this.mvc.perform(MockMvcRequestBuilders.post("/admin/users")
			.with(csrf())
			.param("username", username)
			.param("displayName", "Somebody")
			.param("roles", "OPERATOR")
			.param("password", password));
	}

}
