package dev.herald.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server shared by several Herald nodes in the cluster scenario and the
 * drills ({@code bench/drills.sh}): the embedded PostgreSQL 17 on a fixed port and a data
 * folder that survives a restart. Stops the server on SIGTERM, so the drills can restart
 * the database by stopping this process and starting it again on the same folder. Usage:
 * {@code --data-dir DIR --port N}.
 */
public final class SharedPostgres {

	private SharedPostgres() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(option(args, "--data-dir")).toAbsolutePath().normalize();
		int port = Integer.parseInt(option(args, "--port"));
		Files.createDirectories(dataDir);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "200")
			.setServerConfig("listen_addresses", "localhost")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				postgres.close();
			}
			catch (Exception ex) {
				System.err.println("stopping PostgreSQL failed: " + ex);
			}
			stopped.countDown();
		}));
		System.out.println("shared PostgreSQL ready on port " + postgres.getPort());
		System.out.flush();
		stopped.await();
	}

	static String option(String[] args, String name) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		throw new IllegalArgumentException("missing " + name);
	}

}
