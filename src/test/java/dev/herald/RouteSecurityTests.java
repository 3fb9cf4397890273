package dev.herald;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.herald.staff.Role;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The role matrix: every route Herald serves, and who may use it. A new route fails this
 * test until it is added here, so the matrix grows with the application.
 */
@ApplicationTest
class RouteSecurityTests {

	/** Who may use a route: nobody signed in, anybody signed in, or these roles. */
	private record Access(boolean isPublic, Set<Role> roles) {

		static Access anyone() {
			return new Access(true, EnumSet.noneOf(Role.class));
		}

		static Access signedIn() {
			return new Access(false, EnumSet.allOf(Role.class));
		}

		static Access only(Role first, Role... rest) {
			return new Access(false, EnumSet.of(first, rest));
		}

	}

	private static final Map<String, Access> ROUTES = Map.ofEntries(entry("GET /login", Access.anyone()),
			entry("GET /error", Access.anyone()), entry("POST /error", Access.anyone()),
			entry("GET /", Access.signedIn()), entry("GET /dashboard/running", Access.signedIn()),
			entry("GET /dashboard/upcoming", Access.signedIn()), entry("GET /account/password", Access.signedIn()),
			entry("POST /account/password", Access.signedIn()), entry("GET /admin/users", Access.only(Role.ADMIN)),
			entry("POST /admin/users", Access.only(Role.ADMIN)), entry("GET /admin/users/new", Access.only(Role.ADMIN)),
			entry("GET /admin/users/{id}", Access.only(Role.ADMIN)),
			entry("POST /admin/users/{id}", Access.only(Role.ADMIN)),
			entry("POST /admin/users/{id}/password", Access.only(Role.ADMIN)),
			entry("GET /admin/apps", Access.only(Role.ADMIN)), entry("POST /admin/apps", Access.only(Role.ADMIN)),
			entry("GET /admin/apps/new", Access.only(Role.ADMIN)),
			entry("GET /admin/apps/{id}", Access.only(Role.ADMIN)),
			entry("POST /admin/apps/{id}", Access.only(Role.ADMIN)),
			entry("POST /admin/apps/{id}/test", Access.only(Role.ADMIN)),
			entry("POST /admin/apps/{id}/disable", Access.only(Role.ADMIN)),
			entry("POST /admin/apps/{id}/enable", Access.only(Role.ADMIN)),
			entry("GET /campaigns", Access.only(Role.OPERATOR, Role.ANALYST)),
			entry("POST /campaigns", Access.only(Role.OPERATOR)),
			entry("GET /campaigns/new", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/preview", Access.only(Role.OPERATOR)),
			entry("GET /campaigns/calendar", Access.only(Role.OPERATOR, Role.ANALYST)),
			entry("GET /campaigns/{id}", Access.only(Role.OPERATOR, Role.ANALYST)),
			entry("GET /campaigns/{id}/live", Access.only(Role.OPERATOR, Role.ANALYST)),
			entry("POST /campaigns/{id}", Access.only(Role.OPERATOR)),
			entry("GET /campaigns/{id}/edit", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/{id}/pause", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/{id}/resume", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/{id}/cancel", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/{id}/recall", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/{id}/archive", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/{id}/restore", Access.only(Role.OPERATOR)),
			entry("GET /campaigns/{id}/clone", Access.only(Role.OPERATOR)),
			entry("GET /campaigns/audience/accounts", Access.only(Role.OPERATOR)),
			entry("POST /campaigns/audience/count", Access.only(Role.OPERATOR)),
			entry("GET /accounts", Access.only(Role.OPERATOR)), entry("POST /accounts", Access.only(Role.OPERATOR)),
			entry("GET /accounts/{id}", Access.only(Role.OPERATOR)),
			entry("POST /accounts/{id}", Access.only(Role.OPERATOR)),
			entry("GET /accounts/import", Access.only(Role.OPERATOR)),
			entry("POST /accounts/import", Access.only(Role.OPERATOR)),
			entry("POST /accounts/sync", Access.only(Role.OPERATOR)),
			entry("GET /accounts/bulk", Access.only(Role.OPERATOR)),
			entry("POST /accounts/bulk", Access.only(Role.OPERATOR)),
			entry("POST /accounts/{id}/archive", Access.only(Role.OPERATOR)),
			entry("POST /accounts/{id}/restore", Access.only(Role.OPERATOR)),
			entry("GET /accounts/groups/candidates", Access.only(Role.OPERATOR)),
			entry("GET /accounts/groups/count", Access.only(Role.OPERATOR)),
			entry("POST /accounts/groups/{id}/archive", Access.only(Role.OPERATOR)),
			entry("POST /accounts/groups/{id}/restore", Access.only(Role.OPERATOR)),
			entry("GET /accounts/groups", Access.only(Role.OPERATOR)),
			entry("POST /accounts/groups", Access.only(Role.OPERATOR)),
			entry("GET /accounts/groups/new", Access.only(Role.OPERATOR)),
			entry("GET /accounts/groups/{id}", Access.only(Role.OPERATOR)),
			entry("POST /accounts/groups/{id}", Access.only(Role.OPERATOR)),
			entry("GET /drafts", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("GET /drafts/new", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("POST /drafts/new", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("POST /drafts/preview", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("GET /drafts/review", Access.only(Role.EDITOR)),
			entry("GET /drafts/{id}", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("GET /drafts/{id}/edit", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("POST /drafts/{id}/edit", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("GET /drafts/{id}/diff", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("POST /drafts/{id}/submit", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("GET /drafts/{id}/review", Access.only(Role.EDITOR)),
			entry("POST /drafts/{id}/approve", Access.only(Role.EDITOR)),
			entry("POST /drafts/{id}/request-changes", Access.only(Role.EDITOR)),
			entry("POST /drafts/{id}/test-send", Access.only(Role.OPERATOR)),
			entry("POST /drafts/{id}/archive", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("POST /drafts/{id}/restore", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("POST /drafts/{id}/clone", Access.only(Role.OPERATOR, Role.EDITOR)),
			entry("GET /runs/{id}", Access.only(Role.OPERATOR, Role.ANALYST)),
			entry("GET /runs/{id}/progress", Access.only(Role.OPERATOR, Role.ANALYST)),
			entry("POST /runs/{id}/pause", Access.only(Role.OPERATOR)),
			entry("POST /runs/{id}/resume", Access.only(Role.OPERATOR)),
			entry("POST /runs/{id}/cancel", Access.only(Role.OPERATOR)),
			entry("POST /runs/{id}/recall", Access.only(Role.OPERATOR)),
			entry("POST /deliveries/{id}/recall", Access.only(Role.OPERATOR)),
			entry("POST /deliveries/{id}/mark-sent", Access.only(Role.OPERATOR)),
			entry("POST /deliveries/{id}/send-again", Access.only(Role.OPERATOR)),
			entry("POST /deliveries/{id}/mark-not-sent", Access.only(Role.OPERATOR)),
			entry("POST /runs/{id}/awaiting/mark-sent", Access.only(Role.OPERATOR)),
			entry("POST /runs/{id}/awaiting/send-again", Access.only(Role.OPERATOR)),
			entry("POST /runs/{id}/awaiting/mark-not-sent", Access.only(Role.OPERATOR)),
			entry("GET /recalls/{id}/progress", Access.only(Role.OPERATOR, Role.ANALYST)),
			entry("POST /callbacks/tencent", Access.anyone()),
			entry("GET /reports", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)),
			entry("GET /reports/charts", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)),
			entry("GET /reports/deliveries", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)),
			entry("GET /reports/deliveries/export", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)),
			entry("GET /reports/runs/{id}", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)),
			entry("GET /reports/campaigns/{id}", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)),
			entry("GET /audit", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)),
			entry("GET /audit/export", Access.only(Role.ANALYST, Role.OPERATOR, Role.EDITOR)));

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyServedRouteIsInTheMatrix() {
		Set<String> served = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues().stream().flatMap(RouteSecurityTests::alternatives).toList()) {
				if (pattern.startsWith("/sim/")) {
					continue; // machine API of the simulator, tested on its own
				}
				if (methods.isEmpty()) {
					served.add("GET " + pattern);
					served.add("POST " + pattern);
				}
				for (RequestMethod method : methods) {
					served.add(method + " " + pattern);
				}
			}
		}
		assertThat(ROUTES.keySet()).as("routes in the matrix").containsAll(served);
		assertThat(served).as("routes still served").containsAll(ROUTES.keySet());
	}

	/**
	 * A pattern whose segment is a choice of words, such as
	 * {@code /runs/{id}/{verb:pause|resume|cancel}}, serves one route per word.
	 */
	private static Stream<String> alternatives(String pattern) {
		Matcher choice = Pattern.compile("\\{\\w+:([a-z|]+)}").matcher(pattern);
		if (!choice.find()) {
			return Stream.of(pattern);
		}
		String before = pattern.substring(0, choice.start());
		String after = pattern.substring(choice.end());
		return Stream.of(choice.group(1).split("\\|")).map((word) -> before + word + after);
	}

	@Test
	void staticAssetsAreServedToEveryoneUnderAssetsAndWebjarsOnly() {
		for (String asset : List.of("/assets/css/app.css", "/assets/js/app.js", "/assets/js/reports.js",
				"/webjars/bootstrap/css/bootstrap.min.css", "/webjars/htmx.org/dist/htmx.min.js", "/favicon.ico")) {
			assertThat(this.mvc.get().uri(asset)).as(asset).hasStatusOk();
		}
		// Only /assets/** is looked up in classpath:/static; other paths are routes.
		assertThat(this.mvc.get().uri("/css/app.css").with(user("admin").roles("ADMIN"))).hasStatus(404);
	}

	@Test
	void everyRouteRefusesTheRolesThatMustNotUseIt() {
		List<String> wrong = new ArrayList<>();
		ROUTES.forEach((route, access) -> {
			for (Role role : Role.values()) {
				boolean allowed = access.isPublic() || grants(access, role);
				int status = perform(route, role).getResponse().getStatus();
				// Allowed roles get past security and never see a server error, even with
				// no parameters at all.
				boolean serverError = status >= 500 && !route.endsWith(" /error");
				if (allowed == (status == 403) || serverError) {
					wrong.add(route + " as " + role + " -> " + status);
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	/**
	 * HEAD asks what GET asks without the body: every role (and nobody signed in) gets
	 * the same status for both on every route that answers GET.
	 */
	@Test
	void headAnswersAsGetOnEveryRouteForEveryRole() {
		List<Role> everyone = new ArrayList<>(List.of(Role.values()));
		everyone.add(null);
		List<String> wrong = new ArrayList<>();
		ROUTES.keySet().stream().filter((route) -> route.startsWith("GET ")).sorted().forEach((route) -> {
			String head = "HEAD " + route.substring("GET ".length());
			for (Role role : everyone) {
				int getStatus = perform(route, role).getResponse().getStatus();
				int headStatus = perform(head, role).getResponse().getStatus();
				if (getStatus != headStatus) {
					wrong.add(head + " as " + role + " -> " + headStatus + ", GET -> " + getStatus);
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyClosedRouteSendsAnonymousVisitorsToSignIn() {
		List<String> wrong = new ArrayList<>();
		ROUTES.forEach((route, access) -> {
			MvcTestResult result = perform(route, null);
			int status = result.getResponse().getStatus();
			String location = result.getResponse().getRedirectedUrl();
			boolean sentToLogin = status == 302 && location != null && location.endsWith("/login");
			if (access.isPublic() == sentToLogin || (!access.isPublic() && status != 302)) {
				wrong.add(route + " anonymous -> " + status + " " + location);
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyPostWithoutACsrfTokenIsRefused() {
		List<String> wrong = new ArrayList<>();
		ROUTES.forEach((route, access) -> {
			// Open routes are machine endpoints (Tencent's callbacks) that verify the
			// caller
			// themselves.
			if (!route.startsWith("POST ") || access.isPublic()) {
				return;
			}
			String uri = route.substring("POST ".length()).replaceAll("\\{[^}]+}", "999999999");
			int status = this.mvc.post()
				.uri(uri)
				.with(user("csrf-admin").roles("ADMIN"))
				.exchange()
				.getResponse()
				.getStatus();
			if (status != 403) {
				wrong.add(route + " without CSRF -> " + status);
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void healthIsPublicAndOtherActuatorEndpointsNeedAdmin() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(user("ops").roles("OPERATOR"))).hasStatus(403);
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(user("root").roles("ADMIN"))).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatus(302);
	}

	private static boolean grants(Access access, Role role) {
		if (access.roles().contains(role)) {
			return true;
		}
		// ADMIN holds the rights of every other role.
		return role == Role.ADMIN && !access.roles().isEmpty();
	}

	private MvcTestResult perform(String route, Role role) {
		String[] parts = route.split(" ", 2);
		String uri = parts[1].replaceAll("\\{[^}]+}", "999999999");
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), uri);
		if ("POST".equals(parts[0])) {
			request.with(csrf());
		}
		if (role != null) {
			request.with(user("matrix-" + role.name().toLowerCase()).roles(role.name()));
		}
		return this.mvc.perform(request);
	}

}
