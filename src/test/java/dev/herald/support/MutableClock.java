package dev.herald.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that tests move by hand, so no test sleeps to pass a window. It stands still,
 * unless made {@link #ticking()}: then it runs with real time plus what the test moved
 * it, for code under test that also needs time to pass on its own. It counts its reads,
 * so a test can see a poller go round.
 */
public final class MutableClock extends Clock {

	private final Clock base;

	private final AtomicLong reads = new AtomicLong();

	private volatile Duration moved = Duration.ZERO;

	/** A clock standing at {@code start}. */
	public MutableClock(Instant start) {
		this(Clock.fixed(start, ZoneOffset.UTC));
	}

	private MutableClock(Clock base) {
		this.base = base;
	}

	/** A clock running with real time, until a test moves it on. */
	public static MutableClock ticking() {
		return new MutableClock(Clock.systemUTC());
	}

	public synchronized void advance(Duration duration) {
		this.moved = this.moved.plus(duration);
	}

	public synchronized void set(Instant instant) {
		this.moved = Duration.between(this.base.instant(), instant);
	}

	/** How often the time was read so far. */
	public long reads() {
		return this.reads.get();
	}

	@Override
	public Instant instant() {
		this.reads.incrementAndGet();
		return this.base.instant().plus(this.moved);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
