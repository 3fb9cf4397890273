package dev.herald.report;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One run in the comparison of a campaign's runs.
 */
record RunSummary(long runId, @Nullable Long campaignRunId, Instant createdAt, long total, long delivered, long failed,
		long inDoubt, long recalled, @Nullable Instant started, @Nullable Instant ended) {

	public @Nullable Double successRate() {
		long decided = this.delivered + this.failed + this.inDoubt;
		return (decided > 0) ? 100.0 * this.delivered / decided : null;
	}

	public @Nullable Duration duration() {
		return (this.started != null && this.ended != null) ? Duration.between(this.started, this.ended) : null;
	}

}
