package dev.herald.delivery;

import java.util.function.LongSupplier;

/**
 * The second line of defence behind the {@link TokenBucket pacer}: a call may start only
 * while {@code calls in flight + calls completed within the last window} is below the
 * limit. Tencent (and the simulator) count a call when it arrives, and every arrival lies
 * between the call's start and its completion here, so no window of that length at the
 * server can then hold more than the limit, however the arrivals jitter. The window is a
 * little longer than Tencent's second to cover its millisecond rounding (1 ms) and no
 * more: in steady state the guard lets through at most {@code limit / (window + call
 * latency)} calls per second, so every extra millisecond costs throughput.
 * <p>
 * Starting is {@link #tryStart() tryStart} (or the blocking {@link #start() start});
 * every start is followed by exactly one {@link #finish() finish} once the call has
 * ended, or by {@link #cancel() cancel} when it was never sent.
 */
final class WindowGuard {

	/** Tencent's one second plus a margin for its millisecond clock. */
	static final long DEFAULT_WINDOW_NANOS = 1_002_000_000L;

	private final int limit;

	private final long windowNanos;

	private final LongSupplier nanoTime;

	// Completion times within the window, oldest first, as a ring. Never more than the
	// limit: in flight plus recent stays at or below it.
	private final long[] completions;

	private int head;

	private int size;

	private int inFlight;

	WindowGuard(int limit, long windowNanos, LongSupplier nanoTime) {
		if (limit < 1 || windowNanos <= 0) {
			throw new IllegalArgumentException("limit and window must be positive");
		}
		this.limit = limit;
		this.windowNanos = windowNanos;
		this.nanoTime = nanoTime;
		this.completions = new long[limit];
	}

	/**
	 * Starts a call if the window allows it.
	 * @return 0 when the call may start (it now counts as in flight); otherwise how many
	 * nanoseconds until the oldest completion leaves the window, or
	 * {@code Long.MAX_VALUE} when only a finishing call can make room
	 */
	synchronized long tryStart() {
		long now = this.nanoTime.getAsLong();
		expire(now);
		if (this.inFlight + this.size < this.limit) {
			this.inFlight++;
			return 0;
		}
		if (this.size == 0) {
			return Long.MAX_VALUE;
		}
		return Math.max(1, this.completions[this.head] + this.windowNanos - now);
	}

	/**
	 * Starts a call, waiting as long as the window is full.
	 * @return nanoseconds waited
	 */
	long start() throws InterruptedException {
		long began = System.nanoTime();
		synchronized (this) {
			long wait;
			while ((wait = tryStart()) != 0) {
				long millis = Math.min(wait / 1_000_000, 100);
				this.wait(Math.max(1, millis));
			}
		}
		return System.nanoTime() - began;
	}

	/**
	 * A started call has ended (answer, error or timeout): it stays counted one window.
	 */
	synchronized void finish() {
		if (this.inFlight <= 0) {
			throw new IllegalStateException("finish without start");
		}
		long now = this.nanoTime.getAsLong();
		expire(now);
		this.inFlight--;
		this.completions[(this.head + this.size) % this.completions.length] = now;
		this.size++;
		notifyAll();
	}

	/** A started call was never sent. */
	synchronized void cancel() {
		if (this.inFlight <= 0) {
			throw new IllegalStateException("cancel without start");
		}
		this.inFlight--;
		notifyAll();
	}

	synchronized int inFlight() {
		return this.inFlight;
	}

	synchronized int counted() {
		expire(this.nanoTime.getAsLong());
		return this.inFlight + this.size;
	}

	int limit() {
		return this.limit;
	}

	private void expire(long now) {
		while (this.size > 0 && now - this.completions[this.head] >= this.windowNanos) {
			this.head = (this.head + 1) % this.completions.length;
			this.size--;
		}
	}

}
