package dev.herald.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.chatapp.ChatApps;
import dev.herald.shared.NotFoundException;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;
import tools.jackson.core.JacksonException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The delivery engine's entry point for runs: start one, pause, resume or cancel it, read
 * its progress, and settle its deliveries from Tencent's callbacks. Sending itself
 * happens in the {@link Dispatcher} of every node, after the run's rows are committed;
 * recall is {@link Recalls}.
 */
@Service
public class Deliveries {

	/** Calls finished in this window make the "current rate". */
	static final Duration RATE_WINDOW = Duration.ofSeconds(10);

	/** Tencent's Random is an unsigned 32-bit number. */
	private static final long RANDOM_BOUND = 1L << 32;

	private final RunStore runs;

	private final CallbackStore callbacks;

	private final RunFinisher finisher;

	private final Dispatcher dispatcher;

	private final ChatApps apps;

	private final AuditLog audit;

	private final Clock clock;

	Deliveries(RunStore runs, CallbackStore callbacks, RunFinisher finisher, Dispatcher dispatcher, ChatApps apps,
			AuditLog audit, Clock clock) {
		this.runs = runs;
		this.callbacks = callbacks;
		this.finisher = finisher;
		this.dispatcher = dispatcher;
		this.apps = apps;
		this.audit = audit;
		this.clock = clock;
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
			randoms[i] = random.nextLong(0, RANDOM_BOUND);
		}
		Instant now = this.clock.instant();
		long runId = this.runs.insertRun(order, accounts.size(), now);
		this.runs.insertDeliveries(runId, order, accounts, randoms, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("chatAppId", order.chatAppId());
		after.put("deliveries", accounts.size());
		if (order.campaignId() != null) {
			after.put("campaignId", order.campaignId());
		}
		this.audit.record(AuditRecord.of("run.started", "run", runId).withAfter(after));
		this.finisher.finishIfDone(runId, now);
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
		this.finisher.finishIfDone(runId, this.clock.instant());
		wakeAfterCommit();
	}

	/**
	 * Stops the run: deliveries not yet sent become CANCELLED (those that may have landed
	 * are looked up first), calls in flight finish and are recorded.
	 */
	@Transactional
	public void cancel(long runId) {
		RunState state = this.runs.runState(runId).orElseThrow(() -> new NotFoundException("run", runId));
		if (state != RunState.RUNNING && state != RunState.PAUSED) {
			throw new IllegalStateException("Run " + runId + " is " + state + " and cannot be cancelled");
		}
		Instant now = this.clock.instant();
		this.runs.changeState(runId, state, RunState.CANCELLED, now);
		int cancelled = this.runs.cancelRemaining(runId, now);
		this.audit.record(AuditRecord.of("run.cancelled", "run", runId)
			.withBefore(Map.of("state", state.name()))
			.withAfter(Map.of("state", RunState.CANCELLED.name(), "cancelled", cancelled)));
		this.finisher.finishIfDone(runId, now);
		wakeAfterCommit();
	}

	private void transition(long runId, RunState from, RunState to, String action) {
		RunState state = this.runs.runState(runId).orElseThrow(() -> new NotFoundException("run", runId));
		if (state != from || !this.runs.changeState(runId, from, to, this.clock.instant())) {
			throw new IllegalStateException("Run " + runId + " is " + state + ", not " + from);
		}
		this.audit.record(AuditRecord.of(action, "run", runId)
			.withBefore(Map.of("state", from.name()))
			.withAfter(Map.of("state", to.name())));
	}

	// ---- progress

	@Transactional(readOnly = true)
	public RunProgress progress(long runId) {
		RunStore.RunRow run = this.runs.run(runId).orElseThrow(() -> new NotFoundException("run", runId));
		Map<DeliveryStatus, Long> counts = this.runs.counts(run.id());
		long open = counts.get(DeliveryStatus.QUEUED) + counts.get(DeliveryStatus.SENDING);
		// Cancelled deliveries were never sent: not done, and no work left either.
		long cancelled = counts.get(DeliveryStatus.CANCELLED);
		long done = run.total() - open - cancelled
				- (run.finishedAt() == null ? counts.get(DeliveryStatus.IN_DOUBT) : 0);
		Instant now = this.clock.instant();
		double rate = 0;
		Duration eta = null;
		if (run.finishedAt() == null) {
			rate = this.runs.attemptsSince(run.id(), now.minus(RATE_WINDOW)) / (double) RATE_WINDOW.toSeconds();
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
		return this.runs.delivery(deliveryId).orElseThrow(() -> new NotFoundException("delivery", deliveryId));
	}

	@Transactional(readOnly = true)
	List<DeliveryRow> deliveries(long runId, int limit) {
		return this.runs.deliveries(runId, limit);
	}

	// ---- callbacks

	/**
	 * Tencent's after-send callback for one of our deliveries.
	 * @param chatAppId the app the verified callback came for: a delivery of another app
	 * is not touched
	 * @return whether a delivery changed
	 */
	@Transactional
	public boolean settleSent(long chatAppId, String officialAccount, String cloudCustomData, String msgKey,
			long msgTime) {
		Long deliveryId = CloudCustomData.deliveryId(cloudCustomData);
		if (deliveryId == null) {
			return false;
		}
		Instant now = this.clock.instant();
		Optional<Long> run = this.callbacks.settleSent(chatAppId, deliveryId, officialAccount, msgKey, msgTime, now);
		run.ifPresent((id) -> this.finisher.finishIfDone(id, now));
		return run.isPresent();
	}

	/**
	 * Tencent's after-recall callback.
	 * @param chatAppId the app the verified callback came for
	 * @return how many deliveries changed
	 */
	@Transactional
	public int settleRecalled(long chatAppId, String officialAccount, List<String> msgKeys) {
		return this.callbacks.settleRecalled(chatAppId, officialAccount, msgKeys, this.clock.instant());
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
