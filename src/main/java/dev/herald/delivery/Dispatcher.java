package dev.herald.delivery;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.herald.chatapp.ChatApps;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.ChatAppConnection;
import dev.herald.tencent.MsgGetSimpleRequest;
import dev.herald.tencent.MsgGetSimpleResponse;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.SendMsgResponse;
import dev.herald.tencent.TencentChatClient;
import dev.herald.tencent.TencentJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher of one node. A coordinator thread polls for apps with work and holds a
 * dispatch lease per app (one node per app at a time, cluster-wide, see ADR 0001); for
 * each app it holds, a worker thread claims due deliveries in batches, paces them with a
 * token bucket at the app's rate and hands them to a bounded pool of HTTP calls; a
 * recorder thread stores outcomes in batches. Stopping lets calls in flight finish and be
 * recorded, then gives the leases back.
 */
class Dispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	/** How far ahead a worker claims, in seconds of the app's rate. */
	private static final double CLAIM_HORIZON_SECONDS = 0.5;

	/**
	 * Tencent counts calls in a sliding second: a node taking an app over from another
	 * waits that long after the other's lease ended.
	 */
	private static final Duration HANDOVER = Duration.ofMillis(1050);

	/**
	 * An app without running runs keeps its worker (and lease) this long, so the next
	 * scheduled campaign starts without a hand-over.
	 */
	private static final long IDLE_KEEP_NANOS = 60_000_000_000L;

	private static final int HISTORY_PAGE = 20;

	private static final int HISTORY_PAGES = 10;

	private final DeliveryProperties properties;

	private final DeliveryStore store;

	private final TransactionTemplate transactions;

	private final TencentChatClient client;

	private final ChatApps apps;

	private final Clock clock;

	private final DeliveryMetrics metrics;

	private final ApplicationEventPublisher events;

	private final RetryPolicy policy;

	private final String nodeId;

	private final Map<Long, OfficialAccountMessage> templates = new ConcurrentHashMap<>();

	private final Map<Long, AppWorker> workers = new ConcurrentHashMap<>();

	private final Object signal = new Object();

	private volatile boolean running;

	private volatile boolean crashed;

	private volatile String holder = "";

	private @Nullable Thread coordinator;

	private @Nullable Thread recorder;

	private @Nullable ExecutorService calls;

	private @Nullable Semaphore slots;

	private @Nullable BlockingQueue<AttemptRecord> outcomes;

	Dispatcher(DeliveryProperties properties, DeliveryStore store, TransactionTemplate transactions,
			TencentChatClient client, ChatApps apps, Clock clock, DeliveryMetrics metrics,
			ApplicationEventPublisher events) {
		this.properties = properties;
		this.store = store;
		this.transactions = transactions;
		this.client = client;
		this.apps = apps;
		this.clock = clock;
		this.metrics = metrics;
		this.events = events;
		this.policy = RetryPolicy.of(properties);
		String node = properties.nodeId().isBlank() ? defaultNodeId() : properties.nodeId();
		// Room for "#" and the incarnation in the 64-character columns.
		this.nodeId = (node.length() > 50) ? node.substring(node.length() - 50) : node;
	}

	String nodeId() {
		return this.nodeId;
	}

	// ---- lifecycle

	@Override
	public synchronized void start() {
		if (this.running || !this.properties.enabled()) {
			return;
		}
		this.crashed = false;
		this.holder = this.nodeId + "#" + UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger threadNumber = new AtomicInteger();
		this.calls = Executors.newFixedThreadPool(this.properties.httpConcurrency(), (task) -> {
			Thread thread = new Thread(task, "delivery-call-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.slots = new Semaphore(this.properties.httpConcurrency());
		this.outcomes = new ArrayBlockingQueue<>(Math.max(1000, this.properties.httpConcurrency() * 4));
		this.running = true;
		this.recorder = daemon("delivery-recorder", this::recordLoop);
		this.coordinator = daemon("delivery-coordinator", this::coordinate);
		logger.info("Delivery dispatcher started on node " + this.nodeId);
	}

	/**
	 * Stops cleanly: no new claims, calls in flight finish and are recorded, leases are
	 * given back.
	 */
	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		wake();
		join(this.coordinator);
		this.workers.values().forEach(AppWorker::stop);
		this.workers.values().forEach((worker) -> join(worker.thread));
		ExecutorService pool = this.calls;
		if (pool != null) {
			pool.shutdown();
			try {
				pool.awaitTermination(this.properties.responseTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		join(this.recorder);
		for (Long app : this.workers.keySet()) {
			try {
				this.store.releaseAppLease(app, this.holder, this.clock.instant());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release the dispatch lease of app " + app + ": " + ex.getMessage());
			}
		}
		this.workers.clear();
		logger.info("Delivery dispatcher stopped on node " + this.nodeId);
	}

	/**
	 * Dies like a killed process would: threads are interrupted, nothing more is recorded
	 * and no lease is given back. Claims and leases come back when they expire. For tests
	 * of crash recovery.
	 */
	synchronized void crash() {
		this.crashed = true;
		this.running = false;
		Thread thread = this.coordinator;
		if (thread != null) {
			thread.interrupt();
		}
		this.workers.values().forEach((worker) -> {
			worker.stop();
			worker.thread.interrupt();
		});
		ExecutorService pool = this.calls;
		if (pool != null) {
			pool.shutdownNow();
		}
		Thread recorderThread = this.recorder;
		if (recorderThread != null) {
			recorderThread.interrupt();
		}
		join(this.coordinator);
		this.workers.values().forEach((worker) -> join(worker.thread));
		join(this.recorder);
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stop before the web server and the DataSource go. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}

	/** Looks for work now instead of at the next poll. */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	private void pause(Duration duration) throws InterruptedException {
		synchronized (this.signal) {
			if (this.running) {
				this.signal.wait(Math.max(1, duration.toMillis()));
			}
		}
	}

	// ---- coordinator: app leases and workers

	private void coordinate() {
		long lastDepth = 0;
		while (this.running) {
			try {
				Set<Long> active = new HashSet<>(this.store.activeApps());
				long now = System.nanoTime();
				for (Long app : active) {
					AppWorker worker = this.workers.get(app);
					if (worker != null) {
						worker.activeAt(now);
					}
					if (worker == null || worker.renewDue()) {
						holdLease(app, worker);
					}
				}
				for (AppWorker worker : List.copyOf(this.workers.values())) {
					if (!worker.isAlive() || now - worker.lastActiveNanos > IDLE_KEEP_NANOS) {
						retire(worker);
					}
					else if (!active.contains(worker.appId) && worker.renewDue()) {
						// Idle: kept with its lease for the next run of the app.
						holdLease(worker.appId, worker);
					}
				}
				if (now - lastDepth > 5_000_000_000L) {
					lastDepth = now;
					this.metrics.queueDepth(active.isEmpty() ? 0 : this.store.queueDepth());
				}
				pause(this.properties.pollInterval());
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				logger.warn("Delivery coordinator: " + ex.getMessage());
				sleepQuietly(this.properties.pollInterval().multipliedBy(4));
			}
		}
	}

	private void holdLease(long app, @Nullable AppWorker worker) {
		long startedNanos = System.nanoTime();
		Instant now = this.clock.instant();
		Optional<Instant> callsFrom = this.store.acquireAppLease(app, this.holder, now,
				now.plus(this.properties.appLease()), HANDOVER);
		if (callsFrom.isPresent()) {
			if (worker == null) {
				long wait = Duration.between(now, callsFrom.get()).toNanos();
				worker = new AppWorker(app, startedNanos + Math.max(0, wait));
				this.workers.put(app, worker);
				worker.leaseFrom(startedNanos);
				worker.start();
			}
			else {
				worker.leaseFrom(startedNanos);
			}
		}
		else if (worker != null) {
			retire(worker);
		}
	}

	private void retire(AppWorker worker) {
		worker.stop();
		join(worker.thread);
		this.workers.remove(worker.appId);
		if (!this.crashed) {
			this.store.releaseAppLease(worker.appId, this.holder, this.clock.instant());
		}
	}

	// ---- one app's worker

	private final class AppWorker implements Runnable {

		private final long appId;

		private final Thread thread;

		private volatile boolean active = true;

		// System.nanoTime() until which this node may start calls for the app: the lease
		// end minus a margin, measured from before the lease statement was sent.
		private volatile long leaseValidUntilNanos;

		private volatile long leaseTakenNanos;

		private @Nullable ChatAppConnection connection;

		private @Nullable TokenBucket sends;

		private @Nullable TokenBucket lookups;

		// Behind each pacer: in flight + completed within the last second stays below the
		// app's limit, whatever the jitter of arrivals at Tencent (ADR 0001).
		private @Nullable WindowGuard sendGuard;

		private @Nullable WindowGuard lookupGuard;

		private volatile double rate;

		private final java.util.concurrent.LinkedBlockingDeque<Claim> ready = new java.util.concurrent.LinkedBlockingDeque<>();

		private long settingsReadNanos;

		// A holder that took the app over from another node waits until the other's
		// calls of its last second no longer count at Tencent.
		private final long firstCallNanos;

		// When the app last had running runs (System.nanoTime()).
		private volatile long lastActiveNanos = System.nanoTime();

		AppWorker(long appId, long firstCallNanos) {
			this.appId = appId;
			this.firstCallNanos = firstCallNanos;
			this.thread = new Thread(this, "delivery-app-" + appId);
			this.thread.setDaemon(true);
		}

		void start() {
			this.thread.start();
		}

		void stop() {
			this.active = false;
		}

		boolean isAlive() {
			return this.thread.isAlive();
		}

		void activeAt(long nanos) {
			this.lastActiveNanos = nanos;
		}

		void leaseFrom(long startedNanos) {
			this.leaseTakenNanos = startedNanos;
			long margin = Math.min(1_000_000_000L, Dispatcher.this.properties.appLease().toNanos() / 5);
			this.leaseValidUntilNanos = startedNanos + Dispatcher.this.properties.appLease().toNanos() - margin;
		}

		boolean renewDue() {
			return System.nanoTime() - this.leaseTakenNanos >= Dispatcher.this.properties.appLease().toNanos() / 5;
		}

		private boolean leaseValid() {
			return System.nanoTime() < this.leaseValidUntilNanos;
		}

		/**
		 * The pacer: takes claimed deliveries from the ready queue and starts their calls
		 * at the app's rate, while the claimer keeps the queue filled (so no rate is lost
		 * to the claim round trip).
		 */
		@Override
		public void run() {
			Thread claimer = new Thread(this::claimLoop, "delivery-claim-" + this.appId);
			claimer.setDaemon(true);
			claimer.start();
			try {
				while (this.active && Dispatcher.this.running) {
					Claim claim = this.ready.poll(100, TimeUnit.MILLISECONDS);
					if (claim != null && !dispatch(claim)) {
						this.ready.addFirst(claim);
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
				join(claimer);
				List<Claim> unsent = new ArrayList<>();
				this.ready.drainTo(unsent);
				if (!unsent.isEmpty() && !Dispatcher.this.crashed) {
					// Claimed but never called: back to the queue at once, attempt not
					// used.
					try {
						Dispatcher.this.store.releaseClaims(unsent, Dispatcher.this.holder,
								Dispatcher.this.clock.instant());
					}
					catch (RuntimeException ex) {
						logger.warn("Could not release " + unsent.size() + " unsent claims: " + ex.getMessage());
					}
				}
			}
		}

		private void claimLoop() {
			while (this.active && Dispatcher.this.running) {
				try {
					if (!leaseValid() || System.nanoTime() < this.firstCallNanos) {
						Thread.sleep(20);
						continue;
					}
					refreshSettings();
					int capacity = (int) Math.min(Dispatcher.this.properties.batchSize(),
							Math.max(1, Math.ceil(this.rate * CLAIM_HORIZON_SECONDS)));
					int room = capacity - this.ready.size();
					if (room * 2 < capacity) {
						Thread.sleep(5);
						continue;
					}
					Instant now = Dispatcher.this.clock.instant();
					Instant leaseUntil = now.plus(Dispatcher.this.properties.leaseDuration());
					List<Claim> claims = Dispatcher.this.transactions.execute((status) -> Dispatcher.this.store
						.claim(this.appId, Dispatcher.this.holder, room, now, leaseUntil));
					if (claims == null || claims.isEmpty()) {
						pause(Dispatcher.this.properties.pollInterval());
						continue;
					}
					this.ready.addAll(claims);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					if (!Dispatcher.this.running || !this.active) {
						return;
					}
					logger.warn("Delivery claims for app " + this.appId + ": " + ex.getMessage());
					sleepQuietly(Dispatcher.this.properties.pollInterval().multipliedBy(4));
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
			Semaphore free = Dispatcher.this.slots;
			ExecutorService pool = Dispatcher.this.calls;
			if (app == null || sendBucket == null || lookupBucket == null || sendWindow == null || lookupWindow == null
					|| free == null || pool == null) {
				return false;
			}
			RetryPolicy.Mode mode = Dispatcher.this.policy.mode(claim, Dispatcher.this.clock.instant());
			boolean send = mode == RetryPolicy.Mode.SEND;
			// A free slot first, then the token, then the window: a call never waits for
			// a
			// slot after its token, which would bunch calls behind a full pool.
			free.acquire();
			long waited = send ? sendBucket.acquire() : lookupBucket.acquire();
			WindowGuard guard = send ? sendWindow : lookupWindow;
			try {
				waited += guard.start();
			}
			catch (InterruptedException ex) {
				free.release();
				throw ex;
			}
			Dispatcher.this.metrics.throttled(this.appId, waited);
			// Without a valid app lease no call starts; the claim goes back.
			if (!leaseValid() || Dispatcher.this.crashed || !this.active) {
				guard.cancel();
				free.release();
				return false;
			}
			try {
				pool.execute(() -> {
					try {
						execute(app, claim, mode, guard);
					}
					finally {
						free.release();
					}
				});
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				guard.cancel();
				free.release();
				return false;
			}
			return true;
		}

		private void refreshSettings() {
			long now = System.nanoTime();
			if (this.connection != null && now - this.settingsReadNanos < 30_000_000_000L) {
				return;
			}
			this.connection = Dispatcher.this.apps.connection(this.appId);
			int limit = Dispatcher.this.apps.get(this.appId).rateLimitPerSecond();
			double newRate = limit * Dispatcher.this.properties.rateSafety();
			if (this.sends == null || newRate != this.rate) {
				this.rate = newRate;
				this.sends = new TokenBucket(newRate, 1, System::nanoTime);
				this.lookups = new TokenBucket(newRate, 1, System::nanoTime);
			}
			if (this.sendGuard == null || this.sendGuard.limit() != limit) {
				// A changed limit starts fresh windows; the old ones still see their
				// calls
				// finish.
				this.sendGuard = new WindowGuard(limit, WindowGuard.DEFAULT_WINDOW_NANOS, System::nanoTime);
				this.lookupGuard = new WindowGuard(limit, WindowGuard.DEFAULT_WINDOW_NANOS, System::nanoTime);
			}
			this.settingsReadNanos = now;
		}

	}

	// ---- one call

	private void execute(ChatAppConnection app, Claim claim, RetryPolicy.Mode mode, WindowGuard guard) {
		Instant started = this.clock.instant();
		long startedNanos = System.nanoTime();
		Outcome outcome;
		String kind;
		boolean ended = false;
		try {
			if (mode == RetryPolicy.Mode.SEND) {
				kind = "SEND";
				CallResult<SendMsgResponse> result;
				try {
					result = this.client.send(app, message(claim), this.properties.responseTimeout());
				}
				finally {
					// The call has ended: its arrival at Tencent, if any, lies before
					// now.
					guard.finish();
					ended = true;
				}
				outcome = this.policy.afterSend(claim, result, this.clock.instant());
			}
			else {
				kind = "RECONCILE";
				try {
					outcome = lookup(app, claim);
				}
				finally {
					guard.finish();
					ended = true;
				}
			}
		}
		catch (RuntimeException ex) {
			if (!ended) {
				guard.finish();
			}
			// A bug or unreadable content, not a remote failure: give up on this
			// delivery rather than loop.
			logger.error("Delivery " + claim.id() + " could not be attempted", ex);
			kind = "SEND";
			outcome = new Outcome(claim.maybeSent() ? DeliveryStatus.IN_DOUBT : DeliveryStatus.FAILED, null,
					claim.maybeSent(), false, false, "failed", 0, null, null,
					RetryPolicy.truncate("Herald error: " + ex.getClass().getSimpleName()), null, null);
		}
		if (this.crashed) {
			return;
		}
		Instant finished = this.clock.instant();
		this.metrics.attempt(claim.chatAppId(), kind, outcome, Duration.ofNanos(System.nanoTime() - startedNanos));
		BlockingQueue<AttemptRecord> queue = this.outcomes;
		if (queue != null) {
			try {
				queue.put(new AttemptRecord(claim, outcome, kind, this.holder, started, finished));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The exact body of this delivery: the same bytes on every attempt. */
	OfficialAccountMessage message(Claim claim) {
		OfficialAccountMessage template = this.templates.computeIfAbsent(claim.runId(), (run) -> {
			if (this.templates.size() > 1_000) {
				this.templates.clear();
			}
			String json = this.store.runContent(run)
				.orElseThrow(() -> new IllegalStateException("run " + run + " has no content"));
			return TencentJson.fromJson(json, OfficialAccountMessage.class);
		});
		return personalise(template, claim.officialAccount(), claim.random(), claim.id());
	}

	static OfficialAccountMessage personalise(OfficialAccountMessage template, String officialAccount, long random,
			long deliveryId) {
		return new OfficialAccountMessage(officialAccount, random, template.msgBody(),
				CloudCustomData.wrap(deliveryId, template.cloudCustomData()), template.offlinePushInfo(),
				template.onlineOnlyFlag(), template.sendMsgControl(), template.forbidCallbackControl());
	}

	/**
	 * Looks for the delivery in the OA's history (newest first) by our id in
	 * CloudCustomData. Absent is only concluded once the history reaches back before the
	 * first attempt, or ends.
	 */
	private Outcome lookup(ChatAppConnection app, Claim claim) {
		long floorSeconds = claim.firstAttemptAt().getEpochSecond() - 600;
		String lastKey = null;
		for (int page = 0; page < HISTORY_PAGES; page++) {
			CallResult<MsgGetSimpleResponse> result = this.client.getMessages(app,
					new MsgGetSimpleRequest(claim.officialAccount(), lastKey, HISTORY_PAGE, 1));
			if (!(result instanceof CallResult.Success<MsgGetSimpleResponse> success)) {
				return this.policy.afterLookup(claim, RetryPolicy.Lookup.UNKNOWN, null, null,
						"history lookup failed: " + result, this.clock.instant());
			}
			MsgGetSimpleResponse response = success.response();
			List<MsgGetSimpleResponse.HistoryMessage> items = (response.rspMsgList() != null) ? response.rspMsgList()
					: List.of();
			for (MsgGetSimpleResponse.HistoryMessage item : items) {
				Long id = CloudCustomData.deliveryId(item.cloudCustomData());
				if (id != null && id == claim.id()) {
					return this.policy.afterLookup(claim, RetryPolicy.Lookup.FOUND, item.msgKey(), item.msgTime(), null,
							this.clock.instant());
				}
				if (item.msgTime() != null && item.msgTime() < floorSeconds) {
					return this.policy.afterLookup(claim, RetryPolicy.Lookup.ABSENT, null, null, null,
							this.clock.instant());
				}
			}
			if (response.isFinished() == 2) {
				return this.policy.afterLookup(claim, RetryPolicy.Lookup.UNKNOWN, null, null, "history expired",
						this.clock.instant());
			}
			if (response.isFinished() == 1 || items.isEmpty() || response.lastMsgKey() == null
					|| response.lastMsgKey().isEmpty()) {
				return this.policy.afterLookup(claim, RetryPolicy.Lookup.ABSENT, null, null, null,
						this.clock.instant());
			}
			lastKey = response.lastMsgKey();
		}
		return this.policy.afterLookup(claim, RetryPolicy.Lookup.UNKNOWN, null, null, "history too long",
				this.clock.instant());
	}

	// ---- recorder: outcomes in batches

	private void recordLoop() {
		BlockingQueue<AttemptRecord> queue = this.outcomes;
		if (queue == null) {
			return;
		}
		while (true) {
			List<AttemptRecord> batch = new ArrayList<>();
			try {
				AttemptRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					if (!this.running && callsDone()) {
						return;
					}
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, 999);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (this.crashed) {
				return;
			}
			storeOutcomes(batch);
		}
	}

	private boolean callsDone() {
		ExecutorService pool = this.calls;
		BlockingQueue<AttemptRecord> queue = this.outcomes;
		return (pool == null || pool.isTerminated()) && (queue == null || queue.isEmpty());
	}

	private void storeOutcomes(List<AttemptRecord> batch) {
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					Set<Long> runs = this.store.record(batch);
					Instant now = this.clock.instant();
					for (Long run : runs) {
						finishOrTidy(run, now).ifPresent(this.events::publishEvent);
					}
				});
				return;
			}
			catch (RuntimeException ex) {
				// Unrecorded outcomes are not lost for good: their leases expire and the
				// in-doubt rules take over.
				logger.warn("Could not store " + batch.size() + " delivery outcomes (try " + attempt + "): "
						+ ex.getMessage());
				sleepQuietly(Duration.ofMillis(200L * attempt));
			}
		}
	}

	/**
	 * After outcomes of a run were stored: a cancelled run's retries become CANCELLED (or
	 * looked up), and a run with nothing left finishes.
	 */
	Optional<SendRunFinished> finishOrTidy(long runId, Instant now) {
		Optional<RunState> state = this.store.runState(runId);
		if (state.isPresent() && state.get() == RunState.CANCELLED) {
			this.store.cancelRemaining(runId, now);
		}
		return this.store.finishIfDone(runId, now);
	}

	// ---- helpers

	private static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void join(@Nullable Thread thread) {
		if (thread == null || thread == Thread.currentThread()) {
			return;
		}
		try {
			thread.join(30_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String defaultNodeId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "node";
		}
		String pid = Long.toString(ProcessHandle.current().pid());
		return host + "-" + pid;
	}

}
