package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.herald.tencent.ChatAppConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends for one app while its node holds the app's dispatch lease: a claimer thread keeps
 * a queue of claimed deliveries filled, and the pacer (this worker's thread) starts their
 * calls at the app's rate, so no rate is lost to the claim round trip. What is claimed
 * but never called goes back when the worker stops.
 */
final class AppWorker implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(AppWorker.class);

	/** How far ahead the claimer claims, in seconds of the app's rate. */
	private static final double CLAIM_HORIZON_SECONDS = 0.5;

	/** How often the app's rate and connection are read again. */
	private static final Duration SETTINGS_TTL = Duration.ofSeconds(30);

	/**
	 * The lease is renewed after this share of it, and a call starts only this long
	 * before it ends.
	 */
	private static final int LEASE_PARTS = 5;

	/** The most a call keeps away from the end of the lease. */
	private static final Duration LEASE_MARGIN_MAX = Duration.ofSeconds(1);

	private static final Duration READY_POLL = Duration.ofMillis(100);

	private static final Duration WAIT_FOR_LEASE = Duration.ofMillis(20);

	private static final Duration WAIT_FOR_ROOM = Duration.ofMillis(5);

	/**
	 * How often deliveries called before are claimed while enough fresh claims wait: the
	 * most such a delivery waits for its claim.
	 */
	private static final Duration AGAIN_CLAIM_INTERVAL = Duration.ofMillis(100);

	/** Pacing without bursts: one token at a time. */
	private static final int BUCKET_CAPACITY = 1;

	private final long appId;

	private final Node node;

	private final DispatchParts parts;

	private final CallPool calls;

	private final Caller caller;

	private final Thread thread;

	private final ReadyClaims ready = new ReadyClaims();

	// A holder that took the app over from another node waits until the other's calls
	// of its last second no longer count at Tencent (System.nanoTime()).
	private final long firstCallNanos;

	private volatile boolean active = true;

	// System.nanoTime() until which this node may start calls for the app: the lease end
	// minus a margin, measured from before the lease statement was sent.
	private volatile long leaseValidUntilNanos;

	private volatile long leaseTakenNanos;

	// When the app last had running runs (System.nanoTime()).
	private volatile long lastActiveNanos = System.nanoTime();

	private volatile double rate;

	private @Nullable ChatAppConnection connection;

	private @Nullable TokenBucket sends;

	private @Nullable TokenBucket lookups;

	// Behind each pacer: in flight + completed within the last second stays below the
	// app's limit, whatever the jitter of arrivals at Tencent (ADR 0001).
	private @Nullable WindowGuard sendGuard;

	private @Nullable WindowGuard lookupGuard;

	private long settingsReadNanos;

	// When the claimer last claimed (System.nanoTime()).
	private long lastClaimNanos;

	AppWorker(long appId, long firstCallNanos, Node node, DispatchParts parts, CallPool calls, Caller caller) {
		this.appId = appId;
		this.firstCallNanos = firstCallNanos;
		this.node = node;
		this.parts = parts;
		this.calls = calls;
		this.caller = caller;
		this.thread = DaemonThreads.create("delivery-app-" + appId, this);
	}

	long appId() {
		return this.appId;
	}

	void start() {
		this.thread.start();
	}

	/** Starts no more calls; claims not called go back. */
	void stop() {
		this.active = false;
	}

	void join() {
		DaemonThreads.join(this.thread);
	}

	void interrupt() {
		this.thread.interrupt();
	}

	boolean isAlive() {
		return this.thread.isAlive();
	}

	void activeAt(long nanos) {
		this.lastActiveNanos = nanos;
	}

	long lastActiveNanos() {
		return this.lastActiveNanos;
	}

	/** The lease was taken or renewed by a statement sent at {@code startedNanos}. */
	void leaseFrom(long startedNanos) {
		long lease = this.node.properties().appLease().toNanos();
		this.leaseTakenNanos = startedNanos;
		this.leaseValidUntilNanos = startedNanos + lease - Math.min(LEASE_MARGIN_MAX.toNanos(), lease / LEASE_PARTS);
	}

	boolean renewDue() {
		return System.nanoTime() - this.leaseTakenNanos >= this.node.properties().appLease().toNanos() / LEASE_PARTS;
	}

	private boolean leaseValid() {
		return System.nanoTime() < this.leaseValidUntilNanos;
	}

	/** The pacer. */
	@Override
	public void run() {
		Thread claimer = DaemonThreads.start("delivery-claim-" + this.appId, this::claimLoop);
		try {
			while (this.active && this.node.running()) {
				Claim claim = this.ready.poll(READY_POLL.toMillis());
				if (claim != null && !dispatch(claim)) {
					this.ready.add(claim);
					break;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.active = false;
			claimer.interrupt();
			DaemonThreads.join(claimer);
			releaseUnsent();
		}
	}

	/** Claimed but never called: back to the queue at once, attempt not used. */
	private void releaseUnsent() {
		List<Claim> unsent = this.ready.drain();
		if (unsent.isEmpty() || this.node.crashed()) {
			return;
		}
		try {
			this.parts.dispatch().releaseClaims(unsent, this.node.holder(), this.node.clock().instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release " + unsent.size() + " unsent claims: " + ex.getMessage());
		}
	}

	private void claimLoop() {
		DeliveryProperties properties = this.node.properties();
		while (this.active && this.node.running()) {
			try {
				if (!leaseValid() || System.nanoTime() < this.firstCallNanos) {
					Thread.sleep(WAIT_FOR_LEASE.toMillis());
					continue;
				}
				refreshSettings();
				int capacity = (int) Math.min(properties.batchSize(),
						Math.max(1, Math.ceil(this.rate * CLAIM_HORIZON_SECONDS)));
				int room = capacity - this.ready.size();
				boolean withFresh = room * 2 >= capacity;
				long sinceClaim = System.nanoTime() - this.lastClaimNanos;
				if (!withFresh && sinceClaim < AGAIN_CLAIM_INTERVAL.toNanos()) {
					Thread.sleep(WAIT_FOR_ROOM.toMillis());
					continue;
				}
				// Enough claims wait for the pacer, but a delivery called before (a
				// retry,
				// a dead node's claim) may have come due: claim those alone, they go
				// first.
				int limit = withFresh ? room : capacity;
				Instant now = this.node.clock().instant();
				Instant leaseUntil = now.plus(properties.leaseDuration());
				this.lastClaimNanos = System.nanoTime();
				List<Claim> claims = this.parts.transactions()
					.execute((status) -> this.parts.dispatch()
						.claim(this.appId, this.node.holder(), limit, withFresh, now, leaseUntil));
				if (claims == null || claims.isEmpty()) {
					if (withFresh) {
						this.node.pause(properties.pollInterval());
					}
					continue;
				}
				this.ready.addAll(claims);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.node.running() || !this.active) {
					return;
				}
				logger.warn("Delivery claims for app " + this.appId + ": " + ex.getMessage());
				DaemonThreads.sleepQuietly(properties.pollInterval().multipliedBy(Coordinator.ERROR_PAUSE_POLLS));
			}
		}
	}

	/** Starts one call; false when this worker must stop (the claim stays unsent). */
	private boolean dispatch(Claim claim) throws InterruptedException {
		ChatAppConnection app = this.connection;
		TokenBucket sendBucket = this.sends;
		TokenBucket lookupBucket = this.lookups;
		WindowGuard sendWindow = this.sendGuard;
		WindowGuard lookupWindow = this.lookupGuard;
		if (app == null || sendBucket == null || lookupBucket == null || sendWindow == null || lookupWindow == null) {
			return false;
		}
		AttemptKind kind = this.node.policy().mode(claim, this.node.clock().instant());
		boolean send = kind == AttemptKind.SEND;
		// A free slot first, then the token, then the window.
		this.calls.takeSlot();
		long waited = send ? sendBucket.acquire() : lookupBucket.acquire();
		WindowGuard guard = send ? sendWindow : lookupWindow;
		try {
			waited += guard.start();
		}
		catch (InterruptedException ex) {
			this.calls.returnSlot();
			throw ex;
		}
		this.parts.metrics().throttled(this.appId, waited);
		// Without a valid app lease no call starts; the claim goes back.
		if (!leaseValid() || this.node.crashed() || !this.active) {
			guard.cancel();
			this.calls.returnSlot();
			return false;
		}
		if (!this.calls.run(() -> this.caller.call(app, claim, kind, guard))) {
			guard.cancel();
			return false;
		}
		return true;
	}

	private void refreshSettings() {
		long now = System.nanoTime();
		if (this.connection != null && now - this.settingsReadNanos < SETTINGS_TTL.toNanos()) {
			return;
		}
		this.connection = this.parts.apps().connection(this.appId);
		int limit = this.parts.apps().get(this.appId).rateLimitPerSecond();
		double newRate = limit * this.node.properties().rateSafety();
		if (this.sends == null || newRate != this.rate) {
			this.rate = newRate;
			this.sends = new TokenBucket(newRate, BUCKET_CAPACITY, System::nanoTime);
			this.lookups = new TokenBucket(newRate, BUCKET_CAPACITY, System::nanoTime);
		}
		if (this.sendGuard == null || this.sendGuard.limit() != limit) {
			// A changed limit starts fresh windows; the old ones still see their calls
			// finish.
			this.sendGuard = new WindowGuard(limit, WindowGuard.DEFAULT_WINDOW_NANOS, System::nanoTime);
			this.lookupGuard = new WindowGuard(limit, WindowGuard.DEFAULT_WINDOW_NANOS, System::nanoTime);
		}
		this.settingsReadNanos = now;
	}

}
