package dev.herald.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL server, either on a persistent data folder (the
 * application's default) or on a throw-away one (tests).
 */
public final class EmbeddedPostgresLauncher {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

	private EmbeddedPostgresLauncher() {
	}

	static EmbeddedPostgres startPersistent(Path dataDir, int port) throws IOException {
		Path absolute = dataDir.toAbsolutePath().normalize();
		Files.createDirectories(absolute);
		stopOrphanedServer(absolute);
		EmbeddedPostgres.Builder builder = tuned(EmbeddedPostgres.builder()).setDataDirectory(absolute)
			.setCleanDataDirectory(false);
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL 17 is running on port {} with data in {}", postgres.getPort(), absolute);
		return postgres;
	}

	/**
	 * Starts a server on a fresh temporary folder that is removed on close.
	 * @return the running server
	 * @throws IOException if the server cannot start
	 */
	public static EmbeddedPostgres startEphemeral() throws IOException {
		return tuned(EmbeddedPostgres.builder()).start();
	}

	private static EmbeddedPostgres.Builder tuned(EmbeddedPostgres.Builder builder) {
		// No JVM shutdown hook of its own: it would stop the server while the Spring
		// context is still closing, under the delivery dispatcher's last writes. The
		// owner closes it (the context after every bean that uses it, or the tests'
		// shared-database holder after every context).
		return builder.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "200")
			.setServerConfig("listen_addresses", "localhost")
			.setLocaleConfig("encoding", "UTF8");
	}

	/**
	 * A JVM killed with SIGKILL leaves its PostgreSQL running and holding the data
	 * folder; stop that server so this start can take the folder over.
	 */
	private static void stopOrphanedServer(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent((process) -> {
			log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
			process.destroy();
			try {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				process.destroyForcibly();
			}
		});
	}

}
