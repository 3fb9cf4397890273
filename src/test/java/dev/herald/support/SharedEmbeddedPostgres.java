package dev.herald.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.herald.shared.database.EmbeddedPostgresLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * One throw-away PostgreSQL per test JVM, started on first use and stopped when the JVM
 * exits, after the test contexts that use it.
 */
public final class SharedEmbeddedPostgres {

	private static EmbeddedPostgres postgres;

	private SharedEmbeddedPostgres() {
	}

	public static synchronized String jdbcUrl() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgresLauncher.startEphemeral();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// After Spring Boot's shutdown hook has closed every cached test context.
			SpringApplication.getShutdownHandlers().add(SharedEmbeddedPostgres::stop);
		}
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	private static synchronized void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// The JVM is going away; the temporary folder is removed either way.
		}
	}

}
