package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder thread of one node: stores the outcomes of its calls in batches, one
 * transaction each, and settles the runs they touched. It keeps going after the node
 * stopped until every call in flight is recorded.
 */
final class OutcomeRecorder {

	private static final Logger logger = LoggerFactory.getLogger(OutcomeRecorder.class);

	/** Most outcomes stored in one transaction. */
	private static final int BATCH_SIZE = 1_000;

	private static final Duration POLL = Duration.ofMillis(100);

	private static final int STORE_TRIES = 3;

	/** The wait before the next try, times the tries so far. */
	private static final Duration STORE_BACKOFF = Duration.ofMillis(200);

	private final Node node;

	private final DispatchParts parts;

	private final CallPool calls;

	private final BlockingQueue<AttemptRecord> queue;

	private @Nullable Thread thread;

	/**
	 * @param capacity outcomes waiting at most; calls wait for room beyond it
	 */
	OutcomeRecorder(Node node, DispatchParts parts, CallPool calls, int capacity) {
		this.node = node;
		this.parts = parts;
		this.calls = calls;
		this.queue = new ArrayBlockingQueue<>(capacity);
	}

	void start() {
		this.thread = DaemonThreads.start("delivery-recorder", this::recordLoop);
	}

	/** Queues an outcome, waiting while the queue is full. */
	void add(AttemptRecord record) {
		try {
			this.queue.put(record);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits until every outcome of a stopped node is stored. */
	void join() {
		DaemonThreads.join(this.thread);
	}

	/** Stops at once, storing nothing more (a crash). */
	void crash() {
		DaemonThreads.interrupt(this.thread);
		DaemonThreads.join(this.thread);
	}

	private void recordLoop() {
		while (true) {
			List<AttemptRecord> batch = new ArrayList<>();
			try {
				AttemptRecord first = this.queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
				if (first == null) {
					if (!this.node.running() && this.calls.isTerminated() && this.queue.isEmpty()) {
						return;
					}
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, BATCH_SIZE - 1);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (this.node.crashed()) {
				return;
			}
			store(batch);
		}
	}

	private void store(List<AttemptRecord> batch) {
		for (int attempt = 1; attempt <= STORE_TRIES; attempt++) {
			try {
				this.parts.transactions().executeWithoutResult((status) -> {
					Set<Long> runs = this.parts.outcomes().record(batch);
					Instant now = this.node.clock().instant();
					for (Long run : runs) {
						this.parts.finisher().tidyOrFinish(run, now);
					}
				});
				return;
			}
			catch (RuntimeException ex) {
				// Unrecorded outcomes are not lost for good: their leases expire and the
				// in-doubt rules take over.
				logger.warn("Could not store " + batch.size() + " delivery outcomes (try " + attempt + "): "
						+ ex.getMessage());
				DaemonThreads.sleepQuietly(STORE_BACKOFF.multipliedBy(attempt));
			}
		}
	}

}
