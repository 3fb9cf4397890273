package dev.herald.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WindowGuardTests {

	private static final long MS = 1_000_000L;

	private final AtomicLong now = new AtomicLong(5_000 * MS);

	@Test
	void admitsUpToTheLimitInFlightThenWaitsForACompletion() {
		WindowGuard guard = new WindowGuard(3, 1_000 * MS, this.now::get);
		assertThat(guard.tryStart()).isZero();
		assertThat(guard.tryStart()).isZero();
		assertThat(guard.tryStart()).isZero();
		assertThat(guard.tryStart()).isEqualTo(Long.MAX_VALUE);
		this.now.addAndGet(10 * MS);
		guard.finish();
		// The finished call still counts for one window after its completion.
		assertThat(guard.tryStart()).isEqualTo(1_000 * MS);
		this.now.addAndGet(999 * MS);
		assertThat(guard.tryStart()).isEqualTo(MS);
		this.now.addAndGet(MS);
		assertThat(guard.tryStart()).isZero();
		assertThat(guard.inFlight()).isEqualTo(3);
	}

	@Test
	void aCancelledStartFreesItsPlaceAtOnce() {
		WindowGuard guard = new WindowGuard(1, 1_000 * MS, this.now::get);
		assertThat(guard.tryStart()).isZero();
		guard.cancel();
		assertThat(guard.counted()).isZero();
		assertThat(guard.tryStart()).isZero();
	}

	@Test
	void noServerWindowEverHoldsMoreThanTheLimitWhateverTheArrivalJitter() {
		// Calls start as often as the guard allows, last 1-40 ms, and arrive at the
		// server at a
		// random point between start and completion. A server counting arrivals in any
		// window
		// of 1000 ms must never see more than the limit.
		int limit = 50;
		WindowGuard guard = new WindowGuard(limit, 1_000 * MS, this.now::get);
		Random random = new Random(42);
		List<long[]> inFlight = new ArrayList<>();
		List<Long> arrivals = new ArrayList<>();
		for (int step = 0; step < 200_000; step++) {
			this.now.addAndGet(random.nextInt(3) * MS / 2);
			for (int i = inFlight.size() - 1; i >= 0; i--) {
				long[] call = inFlight.get(i);
				if (call[1] <= this.now.get()) {
					guard.finish();
					arrivals.add(call[0] + (long) (random.nextDouble() * (call[1] - call[0])));
					inFlight.remove(i);
				}
			}
			if (guard.tryStart() == 0) {
				inFlight.add(new long[] { this.now.get(), this.now.get() + (1 + random.nextInt(40)) * MS });
			}
		}
		arrivals.sort(Long::compare);
		assertThat(arrivals.size()).isGreaterThan(limit * 10);
		for (int i = limit; i < arrivals.size(); i++) {
			assertThat(arrivals.get(i) - arrivals.get(i - limit)).as("arrivals %d..%d", i - limit, i)
				.isGreaterThanOrEqualTo(1_000 * MS);
		}
	}

	@Test
	void blockingStartWaitsForTheWindow() throws InterruptedException {
		WindowGuard guard = new WindowGuard(1, 50 * MS, System::nanoTime);
		guard.start();
		guard.finish();
		long waited = guard.start();
		assertThat(waited).isGreaterThanOrEqualTo(40 * MS);
		assertThat(guard.inFlight()).isEqualTo(1);
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WindowGuard(0, 1, this.now::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new WindowGuard(1, 0, this.now::get));
		WindowGuard guard = new WindowGuard(1, 1, this.now::get);
		assertThatIllegalStateException().isThrownBy(guard::finish);
		assertThatIllegalStateException().isThrownBy(guard::cancel);
	}

}
