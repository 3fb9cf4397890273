package dev.herald.campaign;

import java.util.List;

import dev.herald.delivery.RecallProgress;

/**
 * The delivery engine as campaigns use it: a fire hands its run over, operators pause,
 * resume, cancel and recall. Implemented by {@link DeliveryHandOver}, the one class that
 * talks to the delivery module.
 */
interface RunHandOver {

	/**
	 * Creates the delivery run and its QUEUED deliveries in the caller's transaction.
	 * @return the delivery run id
	 */
	long start(long chatAppId, String contentJson, List<String> officialAccounts, long campaignId, long campaignRunId);

	void pause(long deliveryRunId);

	void resume(long deliveryRunId);

	void cancel(long deliveryRunId);

	/**
	 * Starts recalling, in the background, every message the campaign sent that its Chat
	 * app's message history period still covers.
	 * @return the recall as it starts: what it asks for and leaves alone as past the
	 * period
	 * @throws dev.herald.delivery.RecallWindowClosedException when every sent message is
	 * past the period
	 */
	RecallProgress recallCampaign(long campaignId);

}
