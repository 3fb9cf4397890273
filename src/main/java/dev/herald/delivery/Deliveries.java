package dev.herald.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.RecallDeadline;
import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.ChatAppConnection;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.RecallRequest;
import dev.herald.tencent.RecallResponse;
import dev.herald.tencent.TencentChatClient;
import dev.herald.tencent.TencentJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery engine's entry point: start a run, pause, resume or cancel it, recall what
 * it sent, and read its progress. Sending itself happens in the {@link Dispatcher} of
 * every node, after the run's rows are committed.
 */
@Service
public class Deliveries {

	private static final Logger logger = LoggerFactory.getLogger(Deliveries.class);

	/** Calls finished in this window make the "current rate". */
	static final Duration RATE_WINDOW = Duration.ofSeconds(10);

	private static final int RECALL_TRIES = 3;

	private final DeliveryStore store;

	private final Dispatcher dispatcher;

	private final TencentChatClient client;

	private final ChatApps apps;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Map<Long, TokenBucket> recallBuckets = new ConcurrentHashMap<>();

	Deliveries(DeliveryStore store, Dispatcher dispatcher, TencentChatClient client, ChatApps apps, AuditLog audit,
			Clock clock, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.client = client;
		this.apps = apps;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Creates a run and one QUEUED delivery per distinct target in the caller's
	 * transaction; sending starts after it commits.
	 * @param order what to send and to whom
	 * @return the run id
	 * @throws IllegalArgumentException when the content is not a message or a target is
	 * blank
	 */
	@Transactional
	public long startRun(RunOrder order) {
		this.apps.get(order.chatAppId());
		try {
			TencentJson.fromJson(order.contentJson(), OfficialAccountMessage.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("contentJson is not an Official Account message");
		}
		Set<String> targets = new LinkedHashSet<>();
		for (String account : order.officialAccounts()) {
			if (account == null || account.isBlank()) {
				throw new IllegalArgumentException("official account ids must not be blank");
			}
			targets.add(account.trim());
		}
		List<String> accounts = new ArrayList<>(targets);
		long[] randoms = new long[accounts.size()];
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < randoms.length; i++) {
			randoms[i] = random.nextLong(0, 1L << 32);
		}
		Instant now = this.clock.instant();
		long runId = this.store.insertRun(order, accounts.size(), now);
		this.store.insertDeliveries(runId, order, accounts, randoms, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("chatAppId", order.chatAppId());
		after.put("deliveries", accounts.size());
		if (order.campaignId() != null) {
			after.put("campaignId", order.campaignId());
		}
		this.audit.record(AuditRecord.of("run.started", "run", runId).withAfter(after));
		this.store.finishIfDone(runId, now).ifPresent(this.events::publishEvent);
		wakeAfterCommit();
		return runId;
	}

	/** No new call starts for the run within a second; calls in flight finish. */
	@Transactional
	public void pause(long runId) {
		transition(runId, RunState.RUNNING, RunState.PAUSED, "run.paused");
	}

	/** The run continues exactly where it stopped. */
	@Transactional
	public void resume(long runId) {
		transition(runId, RunState.PAUSED, RunState.RUNNING, "run.resumed");
		this.store.finishIfDone(runId, this.clock.instant()).ifPresent(this.events::publishEvent);
		wakeAfterCommit();
	}

	/**
	 * Stops the run: deliveries not yet sent become CANCELLED (those that may have landed
	 * are looked up first), calls in flight finish and are recorded.
	 */
	@Transactional
	public void cancel(long runId) {
		RunState state = this.store.runState(runId).orElseThrow(() -> new RunNotFoundException("run", runId));
		if (state != RunState.RUNNING && state != RunState.PAUSED) {
			throw new IllegalStateException("Run " + runId + " is " + state + " and cannot be cancelled");
		}
		Instant now = this.clock.instant();
		this.store.changeState(runId, state, RunState.CANCELLED, now);
		int cancelled = this.store.cancelRemaining(runId, now);
		this.audit.record(AuditRecord.of("run.cancelled", "run", runId)
			.withBefore(Map.of("state", state.name()))
			.withAfter(Map.of("state", RunState.CANCELLED.name(), "cancelled", cancelled)));
		this.store.finishIfDone(runId, now).ifPresent(this.events::publishEvent);
		wakeAfterCommit();
	}

	private void transition(long runId, RunState from, RunState to, String action) {
		RunState state = this.store.runState(runId).orElseThrow(() -> new RunNotFoundException("run", runId));
		if (state != from || !this.store.changeState(runId, from, to, this.clock.instant())) {
			throw new IllegalStateException("Run " + runId + " is " + state + ", not " + from);
		}
		this.audit.record(AuditRecord.of(action, "run", runId)
			.withBefore(Map.of("state", from.name()))
			.withAfter(Map.of("state", to.name())));
	}

	// ---- recall

	/**
	 * Recalls every sent message of a run that is still within its Chat app's message
	 * history period: per OA, 10 MsgKeys per call; every RetCode is stored on its
	 * delivery. Messages past the period are counted, never sent to Tencent. Blocks until
	 * every call has been answered.
	 * @throws RecallWindowClosedException when there are sent messages and all are past
	 * the period
	 */
	public RecallSummary recallRun(long runId) {
		DeliveryStore.RunRow run = this.store.run(runId).orElseThrow(() -> new RunNotFoundException("run", runId));
		RecallSummary summary = recallWithinWindow(Map.of(run.chatAppId(), List.of(runId)));
		auditRecall("run.recalled", "run", runId, summary);
		return summary;
	}

	/**
	 * Recalls every sent message of every run of a campaign, as {@link #recallRun} does.
	 * @throws RecallWindowClosedException when all sent messages are past the period
	 */
	public RecallSummary recallCampaign(long campaignId) {
		RecallSummary summary = recallWithinWindow(this.store.runsOfCampaign(campaignId));
		auditRecall("campaign.recalled", "campaign", campaignId, summary);
		return summary;
	}

	/**
	 * Recalls one delivery's message.
	 * @throws IllegalStateException when it has no sent message to recall
	 * @throws RecallWindowClosedException when its message is past the period
	 */
	public RecallSummary recallDelivery(long deliveryId) {
		DeliveryRow row = this.store.delivery(deliveryId)
			.orElseThrow(() -> new RunNotFoundException("delivery", deliveryId));
		DeliveryStore.Recallable item = this.store.recallableDelivery(deliveryId)
			.orElseThrow(() -> new IllegalStateException(
					"Delivery " + deliveryId + " is " + row.status() + " and has nothing to recall"));
		RecallDeadline deadline = this.apps.get(item.chatAppId()).recallDeadline(item.sentAt(), this.clock.instant());
		if (!deadline.open()) {
			throw new RecallWindowClosedException(RecallWindow.closed(deadline));
		}
		RecallSummary summary = recall(List.of(item), 0);
		auditRecall("delivery.recalled", "delivery", deliveryId, summary);
		return summary;
	}

	/** How long a run's sent messages can still be recalled. */
	@Transactional(readOnly = true)
	public RecallWindow recallWindow(long runId) {
		DeliveryStore.RunRow run = this.store.run(runId).orElseThrow(() -> new RunNotFoundException("run", runId));
		return recallWindow(Map.of(run.chatAppId(), List.of(runId)), this.clock.instant());
	}

	/** How long a campaign's sent messages can still be recalled. */
	@Transactional(readOnly = true)
	public RecallWindow campaignRecallWindow(long campaignId) {
		return recallWindow(this.store.runsOfCampaign(campaignId), this.clock.instant());
	}

	/** The recall deadline of each listed delivery that has a message to recall. */
	Map<Long, RecallDeadline> recallDeadlines(long chatAppId, List<DeliveryRow> rows) {
		Map<Long, RecallDeadline> deadlines = new LinkedHashMap<>();
		List<DeliveryRow> sent = rows.stream().filter(DeliveryRow::recallable).toList();
		if (sent.isEmpty()) {
			return deadlines;
		}
		ChatAppView app = this.apps.get(chatAppId);
		Instant now = this.clock.instant();
		for (DeliveryRow row : sent) {
			deadlines.put(row.id(), app.recallDeadline(Objects.requireNonNull(row.sentAt()), now));
		}
		return deadlines;
	}

	private RecallWindow recallWindow(Map<Long, List<Long>> runsByApp, Instant now) {
		RecallWindow window = RecallWindow.NONE;
		for (Map.Entry<Long, List<Long>> runs : runsByApp.entrySet()) {
			ChatAppView app = this.apps.get(runs.getKey());
			window = window.plus(recallWindow(app, runs.getValue(), now));
		}
		return window;
	}

	private RecallWindow recallWindow(ChatAppView app, List<Long> runIds, Instant now) {
		DeliveryStore.SentMessages sent = this.store.sentMessages(runIds, app.recallableIfSentAfter(now));
		if (sent.firstSentAt() == null || sent.lastSentAt() == null) {
			return RecallWindow.NONE;
		}
		return new RecallWindow(sent.recallable(), sent.pastWindow(), app.recallableUntil(sent.firstSentAt()),
				app.recallableUntil(sent.lastSentAt()), app.messageHistoryDays());
	}

	/**
	 * Recalls what is still within each app's period. The period is checked in the query
	 * that selects the deliveries, so expired ones are never loaded, let alone sent.
	 */
	private RecallSummary recallWithinWindow(Map<Long, List<Long>> runsByApp) {
		Instant now = this.clock.instant();
		RecallWindow window = RecallWindow.NONE;
		List<DeliveryStore.Recallable> items = new ArrayList<>();
		for (Map.Entry<Long, List<Long>> runs : runsByApp.entrySet()) {
			ChatAppView app = this.apps.get(runs.getKey());
			window = window.plus(recallWindow(app, runs.getValue(), now));
			items.addAll(this.store.recallable(runs.getValue(), app.recallableIfSentAfter(now)));
		}
		if (window.closed()) {
			throw new RecallWindowClosedException(window);
		}
		return recall(items, window.pastWindow());
	}

	private void auditRecall(String action, String type, long id, RecallSummary summary) {
		this.transactions.executeWithoutResult((status) -> this.audit.record(AuditRecord.of(action, type, id)
			.withAfter(Map.of("calls", summary.calls(), "recalled", summary.recalled(), "failed", summary.failed(),
					"pastWindow", summary.pastWindow()))));
	}

	private RecallSummary recall(List<DeliveryStore.Recallable> items, int pastWindow) {
		// Grouped by app and OA, in chunks of at most 10 keys.
		Map<Long, Map<String, List<DeliveryStore.Recallable>>> byApp = new LinkedHashMap<>();
		for (DeliveryStore.Recallable item : items) {
			byApp.computeIfAbsent(item.chatAppId(), (app) -> new LinkedHashMap<>())
				.computeIfAbsent(item.officialAccount(), (oa) -> new ArrayList<>())
				.add(item);
		}
		int calls = 0;
		int recalled = 0;
		int failed = 0;
		for (Map.Entry<Long, Map<String, List<DeliveryStore.Recallable>>> app : byApp.entrySet()) {
			ChatAppConnection connection = this.apps.connection(app.getKey());
			TokenBucket bucket = this.recallBuckets.computeIfAbsent(app.getKey(),
					(id) -> new TokenBucket(this.apps.get(id).rateLimitPerSecond() * 0.9, 1, System::nanoTime));
			for (Map.Entry<String, List<DeliveryStore.Recallable>> account : app.getValue().entrySet()) {
				List<DeliveryStore.Recallable> keys = account.getValue();
				for (int from = 0; from < keys.size(); from += RecallRequest.MAX_KEYS) {
					List<DeliveryStore.Recallable> chunk = keys.subList(from,
							Math.min(keys.size(), from + RecallRequest.MAX_KEYS));
					List<Integer> codes = recallChunk(connection, bucket, account.getKey(), chunk);
					calls++;
					this.transactions
						.executeWithoutResult((status) -> this.store.recordRecall(chunk, codes, this.clock.instant()));
					for (int code : codes) {
						if (code == 0) {
							recalled++;
						}
						else {
							failed++;
						}
					}
				}
			}
		}
		return new RecallSummary(calls, recalled, failed, pastWindow);
	}

	/**
	 * One recall call (retried on transient failures); one code per key, 0 = recalled.
	 */
	private List<Integer> recallChunk(ChatAppConnection connection, TokenBucket bucket, String officialAccount,
			List<DeliveryStore.Recallable> chunk) {
		List<String> keys = chunk.stream().map(DeliveryStore.Recallable::msgKey).toList();
		int code = -1;
		for (int attempt = 1; attempt <= RECALL_TRIES; attempt++) {
			try {
				bucket.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			CallResult<RecallResponse> result = this.client.recall(connection,
					new RecallRequest(officialAccount, keys, null));
			if (result instanceof CallResult.Success<RecallResponse> success) {
				Map<String, Integer> byKey = new LinkedHashMap<>();
				success.response().items().forEach((item) -> byKey.put(item.msgKey(), item.retCode()));
				// A key Tencent did not report on is not recalled.
				return keys.stream().map((key) -> byKey.getOrDefault(key, -1)).toList();
			}
			if (result instanceof CallResult.Failed<RecallResponse> failure) {
				code = failure.errorCode();
				break;
			}
			if (result instanceof CallResult.Retryable<RecallResponse> retryable) {
				code = (retryable.errorCode() != 0) ? retryable.errorCode() : -1;
			}
			else if (result instanceof CallResult.RateLimited<RecallResponse> limited) {
				code = limited.errorCode();
			}
			else {
				code = -1;
			}
			try {
				Thread.sleep(500L * attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		logger.warn("Recall of " + keys.size() + " messages of " + officialAccount + " failed with code " + code);
		int failedCode = code;
		return keys.stream().map((key) -> failedCode).toList();
	}

	// ---- progress

	@Transactional(readOnly = true)
	public RunProgress progress(long runId) {
		DeliveryStore.RunRow run = this.store.run(runId).orElseThrow(() -> new RunNotFoundException("run", runId));
		return progress(run);
	}

	/** Runs not finished yet (running, paused, or cancelled with calls in flight). */
	@Transactional(readOnly = true)
	public List<RunProgress> activeRuns() {
		return this.store.activeRunRows().stream().map(this::progress).toList();
	}

	private RunProgress progress(DeliveryStore.RunRow run) {
		Map<DeliveryStatus, Long> counts = this.store.counts(run.id());
		long open = counts.get(DeliveryStatus.QUEUED) + counts.get(DeliveryStatus.SENDING);
		// Cancelled deliveries were never sent: not done, and no work left either.
		long cancelled = counts.get(DeliveryStatus.CANCELLED);
		long done = run.total() - open - cancelled
				- (run.finishedAt() == null ? counts.get(DeliveryStatus.IN_DOUBT) : 0);
		Instant now = this.clock.instant();
		double rate = 0;
		Duration eta = null;
		if (run.finishedAt() == null) {
			rate = this.store.attemptsSince(run.id(), now.minus(RATE_WINDOW)) / (double) RATE_WINDOW.toSeconds();
			long left = run.total() - done - cancelled;
			if (rate > 0 && left > 0 && run.state() == RunState.RUNNING) {
				eta = Duration.ofSeconds((long) Math.ceil(left / rate));
			}
		}
		return new RunProgress(run.id(), run.chatAppId(), run.campaignId(), run.campaignRunId(), run.state(),
				run.total(), counts, done, rate, eta, run.createdAt(), run.finishedAt());
	}

	@Transactional(readOnly = true)
	DeliveryRow delivery(long deliveryId) {
		return this.store.delivery(deliveryId).orElseThrow(() -> new RunNotFoundException("delivery", deliveryId));
	}

	@Transactional(readOnly = true)
	List<DeliveryRow> deliveries(long runId, int limit) {
		return this.store.deliveries(runId, limit);
	}

	// ---- callbacks

	/**
	 * Tencent's after-send callback for one of our deliveries.
	 * @return whether a delivery changed
	 */
	@Transactional
	public boolean settleSent(long sdkAppId, String officialAccount, String cloudCustomData, String msgKey,
			long msgTime) {
		Long deliveryId = CloudCustomData.deliveryId(cloudCustomData);
		if (deliveryId == null) {
			return false;
		}
		Instant now = this.clock.instant();
		boolean changed = this.store.settleSent(sdkAppId, deliveryId, officialAccount, msgKey, msgTime, now);
		if (changed) {
			this.store.runOf(deliveryId)
				.flatMap((run) -> this.store.finishIfDone(run, now))
				.ifPresent(this.events::publishEvent);
		}
		return changed;
	}

	/**
	 * Tencent's after-recall callback.
	 * @return how many deliveries changed
	 */
	@Transactional
	public int settleRecalled(long sdkAppId, String officialAccount, List<String> msgKeys) {
		return this.store.settleRecalled(sdkAppId, officialAccount, msgKeys, this.clock.instant());
	}

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					Deliveries.this.dispatcher.wake();
				}

			});
		}
		else {
			this.dispatcher.wake();
		}
	}

}
