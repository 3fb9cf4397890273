package dev.herald.campaign;

import dev.herald.delivery.SendRunFinished;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears from the delivery engine that a run finished and moves the campaign run and the
 * campaign on, after the engine's transaction committed and in a transaction of its own.
 */
@Component
class RunFinishedListener {

	private final CampaignRunner runner;

	RunFinishedListener(CampaignRunner runner) {
		this.runner = runner;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(SendRunFinished finished) {
		if (finished.campaignRunId() != null) {
			this.runner.runFinished(finished.campaignRunId(), finished.wasCancelled(), finished.sent(),
					finished.failed());
		}
	}

}
