package dev.herald.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool of HTTP calls of one node, all apps together. A worker takes a slot
 * before its token (a call never waits for a slot after its token, which would bunch
 * calls behind a full pool) and the slot is free again when the call has ended.
 */
final class CallPool {

	private final ExecutorService executor;

	private final Semaphore slots;

	CallPool(int concurrency) {
		AtomicInteger threadNumber = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(concurrency,
				(task) -> DaemonThreads.create("delivery-call-" + threadNumber.incrementAndGet(), task));
		this.slots = new Semaphore(concurrency);
	}

	/** Waits for a free slot. */
	void takeSlot() throws InterruptedException {
		this.slots.acquire();
	}

	/** Gives a slot back whose call never started. */
	void returnSlot() {
		this.slots.release();
	}

	/**
	 * Makes a call in the slot taken for it, which is free again when the call ends.
	 * @return false when the pool takes no more calls (stopping); the slot is free then
	 */
	boolean run(Runnable call) {
		try {
			this.executor.execute(() -> {
				try {
					call.run();
				}
				finally {
					this.slots.release();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.slots.release();
			return false;
		}
	}

	/** Takes no new calls and waits for those in flight, at most {@code timeout}. */
	void shutdown(Duration timeout) {
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Interrupts the calls in flight (a crash). */
	void shutdownNow() {
		this.executor.shutdownNow();
	}

	boolean isTerminated() {
		return this.executor.isTerminated();
	}

}
