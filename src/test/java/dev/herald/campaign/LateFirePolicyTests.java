package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LateFirePolicyTests {

	private static final Instant DUE = Instant.parse("2026-06-01T08:00:00Z");

	private final LateFirePolicy policy = new LateFirePolicy(15);

	@Test
	void sendsAFireOnTime() {
		assertThat(this.policy.allows(DUE, DUE)).isTrue();
		assertThat(this.policy.allows(DUE, DUE.minusSeconds(1))).isTrue();
	}

	@Test
	void sendsAFireThatIsSlightlyLate() {
		assertThat(this.policy.allows(DUE, DUE.plus(Duration.ofMinutes(3)))).isTrue();
		assertThat(this.policy.allows(DUE, DUE.plus(Duration.ofMinutes(15)))).isTrue();
	}

	@Test
	void missesAFireThatIsTooLate() {
		assertThat(this.policy.allows(DUE, DUE.plus(Duration.ofMinutes(15)).plusMillis(1))).isFalse();
		assertThat(this.policy.allows(DUE, DUE.plus(Duration.ofHours(6)))).isFalse();
		assertThat(new LateFirePolicy(0).allows(DUE, DUE.plusSeconds(1))).isFalse();
	}

	@Test
	void refusesANegativeOrHugeTolerance() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LateFirePolicy(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> new LateFirePolicy(1441));
	}

}
