package dev.herald.delivery;

import java.util.function.LongSupplier;

/**
 * Hands out call permits at a steady rate. The bucket holds at most {@code capacity}
 * tokens; with capacity 1 it paces calls evenly, so no window of one second ever sees
 * more than the rate (the simulator, like Tencent, counts in a sliding window).
 * Reservations are made under a lock and the caller sleeps outside it.
 */
final class TokenBucket {

	private final long intervalNanos;

	private final long capacity;

	private final LongSupplier nanoTime;

	private long nextFreeNanos;

	TokenBucket(double permitsPerSecond, int capacity, LongSupplier nanoTime) {
		if (permitsPerSecond <= 0 || capacity < 1) {
			throw new IllegalArgumentException("rate must be positive and capacity at least 1");
		}
		this.intervalNanos = (long) Math.ceil(1_000_000_000d / permitsPerSecond);
		this.capacity = capacity;
		this.nanoTime = nanoTime;
		this.nextFreeNanos = nanoTime.getAsLong();
	}

	/**
	 * Reserves one permit.
	 * @return nanoseconds to wait before using it (0 when it is free now)
	 */
	synchronized long reserve() {
		long now = this.nanoTime.getAsLong();
		// Unused time earns at most `capacity` tokens.
		long earliest = now - (this.capacity - 1) * this.intervalNanos;
		if (this.nextFreeNanos < earliest) {
			this.nextFreeNanos = earliest;
		}
		long wait = Math.max(0, this.nextFreeNanos - now);
		this.nextFreeNanos += this.intervalNanos;
		return wait;
	}

	/**
	 * Takes one permit, sleeping until it is due.
	 * @return how long the caller waited, in nanoseconds
	 */
	long acquire() throws InterruptedException {
		long wait = reserve();
		if (wait > 0) {
			Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
		}
		return wait;
	}

}
