package dev.herald.delivery;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void pacesPermitsEvenlyAtTheRate() {
		TokenBucket bucket = new TokenBucket(200, 1, this.now::get);
		assertThat(bucket.reserve()).isZero();
		assertThat(bucket.reserve()).isEqualTo(5_000_000L);
		assertThat(bucket.reserve()).isEqualTo(10_000_000L);
	}

	@Test
	void neverAdmitsMoreThanTheRateInAnyOneSecondWindow() {
		TokenBucket bucket = new TokenBucket(200, 1, this.now::get);
		long[] starts = new long[1000];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = this.now.get() + bucket.reserve();
			this.now.addAndGet(((i % 7) == 0) ? 20_000_000L : 0);
		}
		for (int i = 200; i < starts.length; i++) {
			assertThat(starts[i] - starts[i - 200]).as("window ending at %d", i).isGreaterThanOrEqualTo(1_000_000_000L);
		}
	}

	@Test
	void idleTimeEarnsAtMostTheCapacity() {
		TokenBucket bucket = new TokenBucket(10, 3, this.now::get);
		this.now.addAndGet(10_000_000_000L);
		assertThat(bucket.reserve()).isZero();
		assertThat(bucket.reserve()).isZero();
		assertThat(bucket.reserve()).isZero();
		assertThat(bucket.reserve()).isEqualTo(100_000_000L);
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1, this.now::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, 0, this.now::get));
	}

}
