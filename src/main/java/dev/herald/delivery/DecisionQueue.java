package dev.herald.delivery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for an operator's decision across all runs, for pages outside this module
 * (the dashboard). The decisions themselves are made on the run page.
 */
@Service
public class DecisionQueue {

	private final DecisionStore store;

	DecisionQueue(DecisionStore store) {
		this.store = store;
	}

	/**
	 * How many deliveries wait for a decision, and in which runs.
	 * @param runs how many runs to list at most (the newest)
	 * @return the deliveries waiting, {@link AwaitingDecisions#any() none} most of the
	 * time
	 */
	@Transactional(readOnly = true)
	public AwaitingDecisions awaiting(int runs) {
		return this.store.summary(runs);
	}

}
