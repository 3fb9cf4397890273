package dev.herald.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedDatabaseAutoConfiguration.class));

	@Test
	void startsNothingWhenADatasourceUrlIsConfigured() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/herald")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class)
				.doesNotHaveBean(EmbeddedDatabase.class));
	}

	@Test
	void startsNothingWhenSwitchedOff() {
		this.runner.withPropertyValues("herald.database.embedded.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
	}

	@Test
	void backsOffWhenSomeoneElseProvidesTheConnection() {
		this.runner.withBean(JdbcConnectionDetails.class, () -> new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://elsewhere/db";
			}

			@Override
			public String getUsername() {
				return "u";
			}

			@Override
			public String getPassword() {
				return "p";
			}

		}).run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
	}

}
