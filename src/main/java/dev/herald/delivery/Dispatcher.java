package dev.herald.delivery;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * The dispatcher of one node, and its lifecycle. A {@link Coordinator} thread holds a
 * dispatch lease per app with work and runs an {@link AppWorker} for each, which claims
 * due deliveries, paces them at the app's rate and hands them to the {@link CallPool}; a
 * {@link Caller} makes each call and an {@link OutcomeRecorder} stores the outcomes in
 * batches. Stopping lets calls in flight finish and be recorded, then gives the leases
 * back.
 */
class Dispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	/** Beyond the response timeout, how long stopping waits for calls in flight. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(2);

	/** Outcomes waiting for the recorder, at least, and per call slot. */
	private static final int MIN_RECORDER_QUEUE = 1_000;

	private static final int RECORDER_QUEUE_PER_SLOT = 4;

	private final Node node;

	private final DispatchParts parts;

	private @Nullable CallPool calls;

	private @Nullable OutcomeRecorder recorder;

	private @Nullable Coordinator coordinator;

	Dispatcher(DeliveryProperties properties, Clock clock, DispatchParts parts) {
		this.node = new Node(properties, clock);
		this.parts = parts;
	}

	@Override
	public synchronized void start() {
		DeliveryProperties properties = this.node.properties();
		if (this.node.running() || !properties.enabled()) {
			return;
		}
		this.node.start();
		CallPool pool = new CallPool(properties.httpConcurrency());
		OutcomeRecorder outcomes = new OutcomeRecorder(this.node, this.parts, pool,
				Math.max(MIN_RECORDER_QUEUE, properties.httpConcurrency() * RECORDER_QUEUE_PER_SLOT));
		Caller caller = new Caller(this.node, this.parts, outcomes);
		this.calls = pool;
		this.recorder = outcomes;
		this.coordinator = new Coordinator(this.node, this.parts,
				(app, firstCallNanos) -> new AppWorker(app, firstCallNanos, this.node, this.parts, pool, caller));
		outcomes.start();
		this.coordinator.start();
		logger.info("Delivery dispatcher started on node " + this.node.id());
	}

	/**
	 * Stops cleanly: no new claims, calls in flight finish and are recorded, leases are
	 * given back.
	 */
	@Override
	public synchronized void stop() {
		Coordinator apps = this.coordinator;
		CallPool pool = this.calls;
		OutcomeRecorder outcomes = this.recorder;
		if (!this.node.running() || apps == null || pool == null || outcomes == null) {
			return;
		}
		this.node.stop();
		apps.stop();
		pool.shutdown(this.node.properties().responseTimeout().plus(STOP_GRACE));
		outcomes.join();
		apps.releaseLeases();
		logger.info("Delivery dispatcher stopped on node " + this.node.id());
	}

	/**
	 * Dies like a killed process would: threads are interrupted, nothing more is recorded
	 * and no lease is given back. Claims and leases come back when they expire. For tests
	 * of crash recovery.
	 */
	synchronized void crash() {
		this.node.crash();
		if (this.calls != null) {
			this.calls.shutdownNow();
		}
		if (this.coordinator != null) {
			this.coordinator.crash();
		}
		if (this.recorder != null) {
			this.recorder.crash();
		}
	}

	@Override
	public boolean isRunning() {
		return this.node.running();
	}

	/** Stop before the web server and the DataSource go. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}

	/** Looks for work now instead of at the next poll. */
	void wake() {
		this.node.wake();
	}

}
