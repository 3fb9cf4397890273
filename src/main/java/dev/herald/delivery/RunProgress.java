package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A run's progress for pages and the dashboard.
 *
 * @param counts deliveries per status (every status present, zeros included)
 * @param done deliveries in a final state other than CANCELLED (cancelled ones were never
 * sent, so they are not done)
 * @param ratePerSecond calls finished per second over the last 10 seconds
 * @param eta time left at the current rate, {@code null} when unknown or done
 */
public record RunProgress(long runId, long chatAppId, @Nullable Long campaignId, @Nullable Long campaignRunId,
		RunState state, long total, Map<DeliveryStatus, Long> counts, long done, double ratePerSecond,
		@Nullable Duration eta, Instant createdAt, @Nullable Instant finishedAt) {

	public RunProgress {
		counts = Map.copyOf(counts);
	}

	public long count(DeliveryStatus status) {
		return this.counts.getOrDefault(status, 0L);
	}

	/** Deliveries never sent because the run was cancelled. */
	public long cancelled() {
		return count(DeliveryStatus.CANCELLED);
	}

	/** Whole percent of deliveries done (cancelled ones are not). */
	public int percentDone() {
		return (this.total == 0) ? 100 : (int) (this.done * 100 / this.total);
	}

	/** Still moving: not finished (a paused run is active). */
	public boolean active() {
		return this.finishedAt == null;
	}

	public long etaSeconds() {
		return (this.eta != null) ? this.eta.toSeconds() : -1;
	}

}
