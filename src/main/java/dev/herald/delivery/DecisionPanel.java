package dev.herald.delivery;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The run page's panel of deliveries that wait for an operator's decision: how many, one
 * page of them, and which decisions the run allows.
 *
 * @param count how many of the run's deliveries wait
 * @param rows this page, by id
 * @param after the last id before this page (0 on the first page)
 * @param nextAfter where the next page starts, {@code null} on the last page
 */
record DecisionPanel(long count, List<DecisionStore.Awaiting> rows, long after, @Nullable Long nextAfter,
		RunState runState) {

	DecisionPanel {
		rows = List.copyOf(rows);
	}

	public boolean any() {
		return this.count > 0;
	}

	/** Send again: a cancelled run sends nothing more. */
	public boolean mayResend() {
		return this.runState != RunState.CANCELLED;
	}

	/** Mark as not sent: only what a cancelled run will never send. */
	public boolean mayMarkNotSent() {
		return this.runState == RunState.CANCELLED;
	}

}
