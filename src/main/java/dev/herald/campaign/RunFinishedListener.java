package dev.herald.campaign;

import dev.herald.delivery.SendRunFinished;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears from the delivery engine that a run finished and moves the campaign run and the
 * campaign on. The event is stored with the engine's commit and stays incomplete until
 * this listener's transaction commits, so a node that dies in between, or a database that
 * blips, leaves it to be handled again (on restart, or when it goes stale); handling it
 * twice changes nothing.
 */
@Component
class RunFinishedListener {

	private final CampaignRunner runner;

	RunFinishedListener(CampaignRunner runner) {
		this.runner = runner;
	}

	@ApplicationModuleListener
	void on(SendRunFinished finished) {
		if (finished.campaignId() != null && finished.campaignRunId() != null) {
			this.runner.runFinished(finished.campaignId(), finished.campaignRunId(), finished.wasCancelled(),
					finished.sent(), finished.failed());
		}
	}

}
