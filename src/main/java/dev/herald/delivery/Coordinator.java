package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator thread of one node: polls for apps with work, holds a dispatch lease
 * per app (one node per app at a time, cluster-wide, see ADR 0001) and keeps one
 * {@link AppWorker} per app it holds.
 */
final class Coordinator {

	private static final Logger logger = LoggerFactory.getLogger(Coordinator.class);

	/** After an error a thread waits this many poll intervals before it tries again. */
	static final int ERROR_PAUSE_POLLS = 4;

	/**
	 * Tencent counts calls in a sliding second: a node taking an app over from another
	 * waits that long after the other's lease ended.
	 */
	static final Duration HANDOVER = Duration.ofMillis(1050);

	/**
	 * An app without running runs keeps its worker (and lease) this long, so the next
	 * scheduled campaign starts without a hand-over.
	 */
	private static final Duration IDLE_KEEP = Duration.ofSeconds(60);

	/** How often the queue depth gauge is refreshed while apps have work. */
	private static final Duration QUEUE_DEPTH_EVERY = Duration.ofSeconds(5);

	/** Makes the worker of an app that may start calling at {@code firstCallNanos}. */
	interface Workers {

		AppWorker create(long appId, long firstCallNanos);

	}

	private final Node node;

	private final DispatchParts parts;

	private final Workers factory;

	private final Map<Long, AppWorker> workers = new ConcurrentHashMap<>();

	private @Nullable Thread thread;

	Coordinator(Node node, DispatchParts parts, Workers factory) {
		this.node = node;
		this.parts = parts;
		this.factory = factory;
	}

	void start() {
		this.thread = DaemonThreads.start("delivery-coordinator", this::coordinate);
	}

	/** Stops polling and every worker; their claims not called go back. */
	void stop() {
		DaemonThreads.join(this.thread);
		this.workers.values().forEach(AppWorker::stop);
		this.workers.values().forEach(AppWorker::join);
	}

	/** Gives every lease back, once the calls are recorded. */
	void releaseLeases() {
		for (Long app : this.workers.keySet()) {
			try {
				this.parts.dispatch().releaseAppLease(app, this.node.holder(), this.node.clock().instant());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release the dispatch lease of app " + app + ": " + ex.getMessage());
			}
		}
		this.workers.clear();
	}

	/** Stops at once, giving nothing back (a crash). */
	void crash() {
		DaemonThreads.interrupt(this.thread);
		this.workers.values().forEach((worker) -> {
			worker.stop();
			worker.interrupt();
		});
		DaemonThreads.join(this.thread);
		this.workers.values().forEach(AppWorker::join);
		this.workers.clear();
	}

	private void coordinate() {
		long lastDepthNanos = 0;
		while (this.node.running()) {
			try {
				Set<Long> active = new HashSet<>(this.parts.dispatch().activeApps());
				long now = System.nanoTime();
				for (Long app : active) {
					AppWorker worker = this.workers.get(app);
					if (worker != null) {
						worker.activeAt(now);
					}
					if (worker == null || worker.renewDue()) {
						holdLease(app, worker);
					}
				}
				for (AppWorker worker : List.copyOf(this.workers.values())) {
					if (!worker.isAlive() || now - worker.lastActiveNanos() > IDLE_KEEP.toNanos()) {
						retire(worker);
					}
					else if (!active.contains(worker.appId()) && worker.renewDue()) {
						// Idle: kept with its lease for the next run of the app.
						holdLease(worker.appId(), worker);
					}
				}
				if (now - lastDepthNanos > QUEUE_DEPTH_EVERY.toNanos()) {
					lastDepthNanos = now;
					this.parts.metrics().queueDepth(active.isEmpty() ? 0 : this.parts.dispatch().queueDepth());
				}
				this.node.pause(this.node.properties().pollInterval());
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.node.running()) {
					return;
				}
				logger.warn("Delivery coordinator: " + ex.getMessage());
				DaemonThreads.sleepQuietly(this.node.properties().pollInterval().multipliedBy(ERROR_PAUSE_POLLS));
			}
		}
	}

	private void holdLease(long app, @Nullable AppWorker worker) {
		long startedNanos = System.nanoTime();
		Instant now = this.node.clock().instant();
		Optional<Instant> callsFrom = this.parts.dispatch()
			.acquireAppLease(app, this.node.holder(), now, now.plus(this.node.properties().appLease()), HANDOVER);
		if (callsFrom.isEmpty()) {
			if (worker != null) {
				retire(worker);
			}
			return;
		}
		if (worker == null) {
			long wait = Duration.between(now, callsFrom.get()).toNanos();
			AppWorker started = this.factory.create(app, startedNanos + Math.max(0, wait));
			this.workers.put(app, started);
			started.leaseFrom(startedNanos);
			started.start();
		}
		else {
			worker.leaseFrom(startedNanos);
		}
	}

	private void retire(AppWorker worker) {
		worker.stop();
		worker.join();
		this.workers.remove(worker.appId());
		if (!this.node.crashed()) {
			this.parts.dispatch().releaseAppLease(worker.appId(), this.node.holder(), this.node.clock().instant());
		}
	}

}
