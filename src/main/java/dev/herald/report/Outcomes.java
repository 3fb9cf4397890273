package dev.herald.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What happened to a set of deliveries (a run or a campaign): counts by status, the
 * success rate, the ErrorCodes that came back, when sending started and ended, and what
 * became of recalls.
 *
 * @param counts deliveries per status, every status present, in lifecycle order
 * @param errors ErrorCodes other than 0 with their counts, most frequent first
 * @param recallCodes recall RetCodes other than 0 with their counts
 */
record Outcomes(Map<String, Long> counts, List<CodeCount> errors, @Nullable Instant started, @Nullable Instant ended,
		List<CodeCount> recallCodes) {

	public long total() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

	public long delivered() {
		return sum(DeliveryStatuses.DELIVERED);
	}

	public long decided() {
		return sum(DeliveryStatuses.DECIDED);
	}

	public long recalled() {
		return this.counts.getOrDefault("RECALLED", 0L);
	}

	public long recallFailed() {
		return this.counts.getOrDefault("RECALL_FAILED", 0L);
	}

	/**
	 * Delivered among the deliveries that have an outcome (delivered, failed or in
	 * doubt), as a percentage.
	 * @return the rate, or {@code null} while nothing has an outcome
	 */
	public @Nullable Double successRate() {
		long decided = decided();
		return (decided > 0) ? 100.0 * delivered() / decided : null;
	}

	/** From the first attempt to the last, or {@code null} before the first. */
	public @Nullable Duration duration() {
		return (this.started != null && this.ended != null) ? Duration.between(this.started, this.ended) : null;
	}

	private long sum(Set<String> statuses) {
		return this.counts.entrySet()
			.stream()
			.filter((entry) -> statuses.contains(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/** A code and how often it came back. */
	record CodeCount(int code, long count) {
	}

}
