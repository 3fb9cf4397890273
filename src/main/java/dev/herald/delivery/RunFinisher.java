package dev.herald.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finishes runs with nothing left to work on, and announces each with
 * {@link SendRunFinished} in the transaction that finishes it, so the announcement is
 * stored (and later delivered) exactly when the run is finished. Every caller brings its
 * transaction.
 */
@Component
class RunFinisher {

	private final RunStore runs;

	private final ApplicationEventPublisher events;

	RunFinisher(RunStore runs, ApplicationEventPublisher events) {
		this.runs = runs;
		this.events = events;
	}

	/**
	 * Finishes the run if nothing is left to work on, and publishes its
	 * {@link SendRunFinished}.
	 * @return whether this call finished it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean finishIfDone(long runId, Instant now) {
		return this.runs.lockUnfinished(runId).isPresent() && finishLocked(runId, now);
	}

	/**
	 * After outcomes of a run were stored: a cancelled run's retries become CANCELLED (or
	 * looked up), and a run with nothing left finishes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void tidyOrFinish(long runId, Instant now) {
		Optional<RunState> state = this.runs.lockUnfinished(runId);
		if (state.isEmpty()) {
			return;
		}
		if (state.get() == RunState.CANCELLED) {
			this.runs.cancelRemaining(runId, now);
		}
		finishLocked(runId, now);
	}

	// One check per run at a time (the caller holds the run's lock): two transactions
	// settling a run's last two deliveries at once (two callbacks, or a callback and an
	// answer) would each still see the other's delivery open, and neither would finish
	// the run. Behind the lock the later one reads what the earlier committed.
	private boolean finishLocked(long runId, Instant now) {
		Optional<RunStore.Finished> finished = this.runs.finishIfNothingLeft(runId, now);
		if (finished.isEmpty()) {
			return false;
		}
		announce(runId, finished.get());
		return true;
	}

	/**
	 * Announces a finished run again after an operator's decision on a delivery that
	 * waited changed its counts (marked as sent, or as not sent): listeners update what
	 * they recorded. The caller holds the run's lock, so announcements of two decisions
	 * on one run carry the counts in the order they were made.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void announceAgain(long runId) {
		RunStore.RunRow run = this.runs.run(runId).orElseThrow();
		if (run.finishedAt() == null) {
			throw new IllegalStateException("Run " + runId + " is not finished");
		}
		announce(runId,
				new RunStore.Finished(run.campaignId(), run.campaignRunId(), run.state() == RunState.CANCELLED));
	}

	private void announce(long runId, RunStore.Finished run) {
		Map<DeliveryStatus, Long> counts = this.runs.counts(runId);
		long sent = sum(counts, DeliveryStatus.DELIVERED);
		long failed = sum(counts, List.of(DeliveryStatus.FAILED, DeliveryStatus.IN_DOUBT));
		this.events.publishEvent(new SendRunFinished(runId, run.campaignId(), run.campaignRunId(), run.wasCancelled(),
				sent, failed, counts.get(DeliveryStatus.CANCELLED)));
	}

	private static long sum(Map<DeliveryStatus, Long> counts, Collection<DeliveryStatus> statuses) {
		return statuses.stream().mapToLong(counts::get).sum();
	}

}
