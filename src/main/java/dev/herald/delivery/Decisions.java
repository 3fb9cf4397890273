package dev.herald.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An operator decides what became of deliveries that Herald could not tell from Tencent's
 * history: they were sent (with a MsgKey if the operator knows it), they are to be sent
 * again (a run that finished opens again for them), or, on a cancelled run, they were not
 * sent. Each decision on one delivery or on every waiting delivery of a run is one
 * conditional statement and one audit line; a decision that finds nothing waiting any
 * more is refused with {@link DecisionRefusedException}.
 */
@Service
class Decisions {

	static final String DECIDED = "decision.refused.decided";

	static final String RUN_CANCELLED = "decision.refused.runCancelled";

	static final String RUN_NOT_CANCELLED = "decision.refused.runNotCancelled";

	static final String NONE_WAITING = "decision.refused.noneWaiting";

	private final DecisionStore store;

	private final RunStore runs;

	private final RunFinisher finisher;

	private final Dispatcher dispatcher;

	private final AuditLog audit;

	private final Clock clock;

	Decisions(DecisionStore store, RunStore runs, RunFinisher finisher, Dispatcher dispatcher, AuditLog audit,
			Clock clock) {
		this.store = store;
		this.runs = runs;
		this.finisher = finisher;
		this.dispatcher = dispatcher;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One page of a run's deliveries waiting for a decision. The run's progress, which
	 * the page has read already, gives its state, and a run with nothing in doubt needs
	 * no further query.
	 * @param after the last id of the previous page, 0 for the first
	 * @param limit rows per page
	 */
	@Transactional(readOnly = true)
	DecisionPanel panel(RunProgress run, long after, int limit) {
		long count = (run.counts().get(DeliveryStatus.IN_DOUBT) > 0) ? this.store.countAwaiting(run.runId()) : 0;
		if (count == 0) {
			return new DecisionPanel(0, List.of(), after, null, run.state());
		}
		List<DecisionStore.Awaiting> rows = this.store.awaiting(run.runId(), after, limit + 1);
		Long next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			next = rows.get(limit - 1).id();
		}
		return new DecisionPanel(count, rows, after, next, run.state());
	}

	/**
	 * How many of a run's deliveries wait for a decision, for the question before a
	 * decision on all of them.
	 */
	@Transactional(readOnly = true)
	long awaitingCount(long runId) {
		runState(runId);
		return this.store.countAwaiting(runId);
	}

	/**
	 * The delivery reached Tencent.
	 * @param msgKey its MsgKey, if the operator knows it (checked by the caller)
	 * @return the run it belongs to
	 */
	@Transactional
	long markSent(long deliveryId, @Nullable String msgKey) {
		DecisionStore.Decided decided = this.store.markSent(deliveryId, msgKey)
			.orElseThrow(() -> refusal(deliveryId, DECIDED));
		announceIfFinished(decided.runId());
		Map<String, Object> after = details(decided, DeliveryStatus.SENT);
		if (msgKey != null) {
			after.put("msgKey", msgKey);
		}
		record("delivery.markedSent", decided, after);
		return decided.runId();
	}

	/**
	 * The delivery did not reach Tencent: it is sent again, at once when its run is
	 * running (a finished run runs again), after the resume when it is paused.
	 * @return the run it belongs to
	 */
	@Transactional
	long sendAgain(long deliveryId) {
		Instant now = this.clock.instant();
		DecisionStore.Decided decided = this.store.sendAgain(deliveryId, now)
			.orElseThrow(() -> refusal(deliveryId, RUN_CANCELLED));
		boolean reopened = reopenForSending(decided.runId(), now);
		Map<String, Object> after = details(decided, DeliveryStatus.QUEUED);
		after.put("runReopened", reopened);
		record("delivery.sentAgain", decided, after);
		return decided.runId();
	}

	/**
	 * The delivery of a cancelled run did not reach Tencent.
	 * @return the run it belongs to
	 */
	@Transactional
	long markNotSent(long deliveryId) {
		DecisionStore.Decided decided = this.store.markNotSent(deliveryId)
			.orElseThrow(() -> refusal(deliveryId, RUN_NOT_CANCELLED));
		announceIfFinished(decided.runId());
		record("delivery.markedNotSent", decided, details(decided, DeliveryStatus.CANCELLED));
		return decided.runId();
	}

	/**
	 * Every delivery of the run that waits reached Tencent (without MsgKeys).
	 * @return how many were decided
	 */
	@Transactional
	int markAllSent(long runId) {
		runState(runId);
		int decided = requireSome(this.store.markAllSent(runId));
		announceIfFinished(runId);
		recordRun("run.markedAllSent", runId, decided, DeliveryStatus.SENT, Map.of());
		return decided;
	}

	/**
	 * Every delivery of the run that waits is sent again.
	 * @return how many were decided
	 */
	@Transactional
	int sendAllAgain(long runId) {
		if (runState(runId) == RunState.CANCELLED) {
			throw new DecisionRefusedException(RUN_CANCELLED);
		}
		Instant now = this.clock.instant();
		int decided = requireSome(this.store.sendAllAgain(runId, now));
		boolean reopened = reopenForSending(runId, now);
		recordRun("run.sentAllAgain", runId, decided, DeliveryStatus.QUEUED, Map.of("runReopened", reopened));
		return decided;
	}

	/**
	 * Every delivery of the cancelled run that waits did not reach Tencent.
	 * @return how many were decided
	 */
	@Transactional
	int markAllNotSent(long runId) {
		if (runState(runId) != RunState.CANCELLED) {
			throw new DecisionRefusedException(RUN_NOT_CANCELLED);
		}
		int decided = requireSome(this.store.markAllNotSent(runId));
		announceIfFinished(runId);
		recordRun("run.markedAllNotSent", runId, decided, DeliveryStatus.CANCELLED, Map.of());
		return decided;
	}

	// A finished run's counts changed: whoever recorded them hears them again.
	private void announceIfFinished(long runId) {
		if (lock(runId).finished()) {
			this.finisher.announceAgain(runId);
		}
	}

	/**
	 * Deliveries of the run are due again: a finished run opens again so the dispatcher
	 * works on it (a paused one waits for its resume).
	 * @return whether the run was finished and runs again
	 */
	private boolean reopenForSending(long runId, Instant now) {
		DecisionStore.LockedRun run = lock(runId);
		if (run.state() == RunState.CANCELLED) {
			// Cancelled since the deliveries were read: roll back.
			throw new DecisionRefusedException(RUN_CANCELLED);
		}
		boolean reopened = run.finished() && this.store.reopen(runId, now);
		wakeAfterCommit();
		return reopened;
	}

	private DecisionStore.LockedRun lock(long runId) {
		return this.store.lockRun(runId).orElseThrow(() -> new NotFoundException("run", runId));
	}

	private RunState runState(long runId) {
		return this.runs.runState(runId).orElseThrow(() -> new NotFoundException("run", runId));
	}

	/**
	 * Why a decision on one delivery changed nothing.
	 * @param whileWaiting the reason when the delivery still waits (its run's state
	 * refused the decision)
	 */
	private RuntimeException refusal(long deliveryId, String whileWaiting) {
		boolean waiting = this.store.stillAwaiting(deliveryId)
			.orElseThrow(() -> new NotFoundException("delivery", deliveryId));
		return new DecisionRefusedException(waiting ? whileWaiting : DECIDED);
	}

	private static int requireSome(int decided) {
		if (decided == 0) {
			throw new DecisionRefusedException(NONE_WAITING);
		}
		return decided;
	}

	private static Map<String, Object> details(DecisionStore.Decided decided, DeliveryStatus status) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", status.name());
		after.put("run", decided.runId());
		after.put("officialAccount", decided.officialAccount());
		return after;
	}

	private void record(String action, DecisionStore.Decided decided, Map<String, Object> after) {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", DeliveryStatus.IN_DOUBT.name());
		if (decided.doubtReason() != null) {
			before.put("doubtReason", decided.doubtReason());
		}
		this.audit.record(AuditRecord.of(action, "delivery", decided.id()).withBefore(before).withAfter(after));
	}

	private void recordRun(String action, long runId, int decided, DeliveryStatus status, Map<String, Object> more) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("deliveries", decided);
		after.put("status", status.name());
		after.putAll(more);
		this.audit.record(AuditRecord.of(action, "run", runId).withAfter(after));
	}

	private void wakeAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				Decisions.this.dispatcher.wake();
			}

		});
	}

}
