package dev.herald.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A recall of a run's or a campaign's sent messages, as far as it has got: it runs in the
 * background, and the pages poll this.
 *
 * @param total messages still within their recall period when it started: the ones it
 * asks Tencent to recall
 * @param pastWindow sent messages left alone because their period had ended
 * @param calls recall calls made so far (at most 10 MsgKeys each)
 * @param recalled messages recalled so far
 * @param failed messages Tencent did not recall so far
 * @param finishedAt when it ended, {@code null} while it runs
 * @param stalled unfinished and silent for too long: the node running it stopped or died
 */
public record RecallProgress(long id, int total, int pastWindow, int calls, int recalled, int failed, Instant startedAt,
		@Nullable Instant finishedAt, boolean stalled) {

	/** Nothing more will happen: finished, or stalled. */
	public boolean done() {
		return this.finishedAt != null || this.stalled;
	}

	/** Messages with an answer so far. */
	public int answered() {
		return this.recalled + this.failed;
	}

	/** Messages never asked for: a recall that ended early. */
	public int untried() {
		return done() ? this.total - answered() : 0;
	}

	/** Whole percent of messages answered. */
	public int percentDone() {
		return (this.total == 0) ? 100 : answered() * 100 / this.total;
	}

	/** What it did so far, as the audit log records it when done. */
	public RecallSummary summary() {
		return new RecallSummary(this.calls, this.recalled, this.failed, this.pastWindow);
	}

}
