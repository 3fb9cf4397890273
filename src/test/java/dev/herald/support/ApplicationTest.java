package dev.herald.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real PostgreSQL and a real port. Every test with this
 * annotation shares one Spring context, so keep the annotation free of extra
 * configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "herald.demo=false", "herald.simulator.enabled=true",
				"herald.secret-key=" + ApplicationTest.TEST_SECRET_KEY })
@AutoConfigureMockMvc
@Import(TestDatabaseConfiguration.class)
public @interface ApplicationTest {

	/** Encrypts Chat app secrets in tests; a fixed value, never used outside tests. */
	String TEST_SECRET_KEY = "dGVzdHMtb25seS10ZXN0cy1vbmx5LXRlc3RzLW9ubHk=";

}
