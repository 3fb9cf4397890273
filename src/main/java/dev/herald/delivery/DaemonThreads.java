package dev.herald.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** The engine's threads: daemons, joined with a bound, slept without throwing. */
final class DaemonThreads {

	/** How long stopping waits for one thread. */
	private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

	private DaemonThreads() {
	}

	static Thread start(String name, Runnable task) {
		Thread thread = create(name, task);
		thread.start();
		return thread;
	}

	static Thread create(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	static void join(@Nullable Thread thread) {
		if (thread == null || thread == Thread.currentThread()) {
			return;
		}
		try {
			thread.join(JOIN_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void interrupt(@Nullable Thread thread) {
		if (thread != null) {
			thread.interrupt();
		}
	}

	static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
