package dev.herald.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import static org.mockito.Mockito.mock;

/**
 * The application's security rules for {@code @WebMvcTest} slices of other modules:
 * {@link SecurityConfiguration} as it is (URL rules, method security, CSRF, headers). A
 * slice has no database, so its sign-in throttle never locks anyone out and nobody signs
 * in with a password: tests say who they are with {@code @WithMockUser}. Only imported
 * (it carries no stereotype), so no component scan picks it up.
 */
@Import(SecurityConfiguration.class)
public class WebSliceSecurity {

	@Bean
	LoginThrottle loginThrottle() {
		return mock(LoginThrottle.class);
	}

	@Bean
	UserDetailsService userDetailsService() {
		return (username) -> {
			throw new UsernameNotFoundException("A web slice has no staff users");
		};
	}

}
