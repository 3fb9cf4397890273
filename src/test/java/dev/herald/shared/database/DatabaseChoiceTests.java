package dev.herald.shared.database;

import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Docker image's jar has no embedded PostgreSQL: started without a datasource URL it
 * stops at once and says what to set.
 */
class DatabaseChoiceTests {

	private final DatabaseChoice choice = new DatabaseChoice();

	@Test
	void aBuildWithoutTheEmbeddedDatabaseNeedsADatasourceUrl() {
		SpringApplication withoutEmbedded = application(new FilteredClassLoader(EmbeddedPostgres.class));

		assertThatThrownBy(() -> this.choice.postProcessEnvironment(environment(Map.of()), withoutEmbedded))
			.isInstanceOf(NoDatabaseException.class);
		assertThatNoException().isThrownBy(() -> this.choice.postProcessEnvironment(
				environment(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/herald")), withoutEmbedded));
	}

	@Test
	void aBuildWithTheEmbeddedDatabaseStartsWithoutAUrl() {
		SpringApplication withEmbedded = application(getClass().getClassLoader());

		assertThatNoException()
			.isThrownBy(() -> this.choice.postProcessEnvironment(environment(Map.of()), withEmbedded));
	}

	@Test
	void theFailureSaysWhatToSet() {
		FailureAnalysis analysis = new NoDatabaseFailureAnalyzer().analyze(new NoDatabaseException());

		assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL is not set");
		assertThat(analysis.getAction()).contains("Set SPRING_DATASOURCE_URL");
	}

	private static SpringApplication application(ClassLoader classLoader) {
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(classLoader));
		return application;
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
