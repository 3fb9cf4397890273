package dev.herald.campaign;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Stands in for the delivery engine until the {@code delivery} module is merged: the
 * campaign run row is the hand-over point and nothing is sent. Replaced by an adapter
 * over {@code Deliveries} as soon as that module exists on this branch.
 */
@Component
class InterimRunHandOver implements RunHandOver {

	private static final Log logger = LogFactory.getLog(InterimRunHandOver.class);

	@Override
	public long start(long chatAppId, String contentJson, List<String> officialAccounts, long campaignId,
			long campaignRunId) {
		logger.info("Campaign " + campaignId + " run " + campaignRunId + " waits for the delivery engine ("
				+ officialAccounts.size() + " official accounts)");
		return campaignRunId;
	}

	@Override
	public void pause(long deliveryRunId) {
	}

	@Override
	public void resume(long deliveryRunId) {
	}

	@Override
	public void cancel(long deliveryRunId) {
	}

	@Override
	public long recallCampaign(long campaignId) {
		return 0;
	}

}
