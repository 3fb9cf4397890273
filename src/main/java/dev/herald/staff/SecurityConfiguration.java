package dev.herald.staff;

import java.io.IOException;
import java.util.stream.Stream;

import dev.herald.shared.web.ResponseHeaders;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may reach which page. Every rule here is enforced on the server; templates only
 * hide what a role cannot use. Controllers repeat the rule with {@code @PreAuthorize} so
 * a route moved to another path keeps its guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/error/**", "/assets/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			// The built-in simulator answers machines, not people; it is only on in
			// demo mode and checks the UserSig itself.
			.requestMatchers("/sim/**")
			.permitAll()
			// Tencent's webhooks: machines, not people; the handler checks the SdkAppid.
			.requestMatchers(HttpMethod.POST, "/callbacks/tencent")
			.permitAll()
			.requestMatchers("/actuator/**", "/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/accounts/**")
			.hasRole("OPERATOR")
			.requestMatchers(HttpMethod.POST, "/drafts/*/test-send")
			.hasRole("OPERATOR")
			// Drafts: operators write, editors review (ADMIN by the hierarchy; four-eyes
			// still applies).
			.requestMatchers("/drafts", "/drafts/**")
			.hasAnyRole("OPERATOR", "EDITOR")
			.requestMatchers(reads("/runs/**"))
			.hasAnyRole("OPERATOR", "ANALYST")
			.requestMatchers("/runs/**", "/deliveries/**")
			.hasRole("OPERATOR")
			// Campaigns: operators run them, analysts read them.
			.requestMatchers(reads("/campaigns/new", "/campaigns/*/edit"))
			.hasRole("OPERATOR")
			.requestMatchers(reads("/campaigns", "/campaigns/**"))
			.hasAnyRole("OPERATOR", "ANALYST")
			.requestMatchers("/campaigns", "/campaigns/**")
			.hasRole("OPERATOR")
			// Reports and the audit log: read-only for everyone who may see reports
			// (ADMIN by the hierarchy); nothing there accepts a change.
			.requestMatchers(reads("/reports", "/reports/**", "/audit", "/audit/**"))
			.hasAnyRole("ANALYST", "OPERATOR", "EDITOR")
			.requestMatchers("/reports", "/reports/**", "/audit", "/audit/**")
			.denyAll()
			.anyRequest()
			.authenticated());
		http.formLogin((login) -> login.loginPage("/login")
			.successHandler(successHandler(throttle))
			.failureHandler(failureHandler(throttle))
			.permitAll());
		http.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll());
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()));
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/sim/**", "/callbacks/tencent"));
		http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(ResponseHeaders.CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(ResponseHeaders.PERMISSIONS_POLICY)));
		return http.build();
	}

	/**
	 * Requests that only read: GET, and HEAD, which asks the same as GET without the
	 * body, so a rule for readers must let both through.
	 */
	private static RequestMatcher[] reads(String... patterns) {
		return Stream.of(HttpMethod.GET, HttpMethod.HEAD)
			.flatMap((method) -> Stream.of(patterns).map((pattern) -> pathPattern(method, pattern)))
			.toArray(RequestMatcher[]::new);
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.OPERATOR.name(), Role.EDITOR.name(), Role.ANALYST.name())
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static SimpleUrlAuthenticationSuccessHandler successHandler(LoginThrottle throttle) {
		SimpleUrlAuthenticationSuccessHandler handler = new SimpleUrlAuthenticationSuccessHandler("/") {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				throttle.recordSuccess(authentication.getName());
				super.onAuthenticationSuccess(request, response, authentication);
			}

		};
		return handler;
	}

	private static SimpleUrlAuthenticationFailureHandler failureHandler(LoginThrottle throttle) {
		return new SimpleUrlAuthenticationFailureHandler("/login?error") {

			@Override
			public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException exception) throws IOException, ServletException {
				String username = request.getParameter("username");
				if (username != null && !username.isBlank()) {
					throttle.recordFailure(username, request.getRemoteAddr());
				}
				super.onAuthenticationFailure(request, response, exception);
			}

		};
	}

	/**
	 * A page request without a session goes to the sign-in page; an htmx request is told
	 * to reload the whole page there instead of swapping the sign-in form into a
	 * fragment.
	 */
	private static AuthenticationEntryPoint entryPoint() {
		LoginUrlAuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> {
			if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			pages.commence(request, response, exception);
		};
	}

}
