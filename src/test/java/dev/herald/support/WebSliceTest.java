package dev.herald.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import dev.herald.shared.web.TimeFormat;
import dev.herald.staff.WebSliceSecurity;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} slice of one controller with what every page of the application
 * has around it: the security rules and method security, the message bundles, the
 * controller advice (trimmed input, the viewer's time zone, error pages), the templates'
 * {@code @timeFormat} and a clock. No database and no other module: the controller's
 * collaborators are the test's {@code @MockitoBean}s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(WebSliceTest.Surroundings.class)
public @interface WebSliceTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

	/** What the slice adds to Spring Boot's; only imported, never scanned. */
	@Import({ WebSliceSecurity.class, TimeFormat.class })
	class Surroundings {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
