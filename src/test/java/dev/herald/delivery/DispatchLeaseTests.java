package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-app dispatch lease decides who may call for an app and from when: a node taking
 * an app over from another waits one rate window after the other stopped.
 */
@ApplicationTest
class DispatchLeaseTests {

	private static final Duration LEASE = Duration.ofSeconds(5);

	private static final Duration HANDOVER = Duration.ofMillis(1050);

	@Autowired
	private DispatchStore store;

	@Autowired
	private ChatApps apps;

	private long app;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@BeforeEach
	void app() {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_400_000_000L, 1_500_000_000L);
		this.app = this.apps
			.create(new ChatAppSettings("Lease " + sdkAppId, sdkAppId, Endpoint.CUSTOM, "http://127.0.0.1:9",
					"administrator", 200), "lease-test-key")
			.id();
	}

	@Test
	void aFreshLeaseMayCallAtOnceAndARenewalToo() {
		assertThat(this.store.acquireAppLease(this.app, "a#1", this.now, this.now.plus(LEASE), HANDOVER))
			.contains(this.now);
		Instant later = this.now.plusSeconds(1);
		assertThat(this.store.acquireAppLease(this.app, "a#1", later, later.plus(LEASE), HANDOVER)).contains(later);
	}

	@Test
	void aLeaseHeldByAnotherNodeIsRefusedUntilItEnds() {
		this.store.acquireAppLease(this.app, "a#1", this.now, this.now.plus(LEASE), HANDOVER);

		assertThat(
				this.store.acquireAppLease(this.app, "b#1", this.now.plusSeconds(1), this.now.plusSeconds(6), HANDOVER))
			.isEmpty();
		// Expired (the holder died): taken over, first call one window after its end.
		Instant after = this.now.plus(LEASE).plusMillis(10);
		assertThat(this.store.acquireAppLease(this.app, "b#1", after, after.plus(LEASE), HANDOVER))
			.contains(this.now.plus(LEASE).plus(HANDOVER));
	}

	@Test
	void aLeaseGivenBackIsFreeAtOnceButCallsWaitOneWindowAfterTheRelease() {
		this.store.acquireAppLease(this.app, "a#1", this.now, this.now.plus(LEASE), HANDOVER);
		Instant released = this.now.plusMillis(300);
		this.store.releaseAppLease(this.app, "a#1", released);

		Instant taken = released.plusMillis(100);
		assertThat(this.store.acquireAppLease(this.app, "b#1", taken, taken.plus(LEASE), HANDOVER))
			.contains(released.plus(HANDOVER));
		// Long after a release nothing is left to wait for.
		this.store.releaseAppLease(this.app, "b#1", taken);
		Instant much = taken.plusSeconds(10);
		assertThat(this.store.acquireAppLease(this.app, "c#1", much, much.plus(LEASE), HANDOVER)).contains(much);
	}

}
