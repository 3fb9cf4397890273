package dev.herald.delivery;

import java.util.List;

/**
 * Deliveries in doubt that wait for an operator's decision, across all runs.
 *
 * @param deliveries how many wait
 * @param runCount how many runs they belong to
 * @param runs the newest of those runs, with how many of each wait
 */
public record AwaitingDecisions(long deliveries, long runCount, List<Run> runs) {

	static final AwaitingDecisions NONE = new AwaitingDecisions(0, 0, List.of());

	public AwaitingDecisions {
		runs = List.copyOf(runs);
	}

	/** Whether anything waits. */
	public boolean any() {
		return this.deliveries > 0;
	}

	/** Runs waiting beyond those listed. */
	public long runsNotListed() {
		return this.runCount - this.runs.size();
	}

	/**
	 * A run with deliveries waiting for a decision.
	 *
	 * @param deliveries how many of its deliveries wait
	 */
	public record Run(long runId, long deliveries) {
	}

}
