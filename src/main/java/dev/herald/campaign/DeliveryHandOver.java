package dev.herald.campaign;

import java.util.List;

import dev.herald.delivery.Deliveries;
import dev.herald.delivery.RecallProgress;
import dev.herald.delivery.Recalls;
import dev.herald.delivery.RunOrder;

import org.springframework.stereotype.Component;

/**
 * The one class that talks to the delivery engine: hands fired runs over and relays
 * operators' pause, resume, cancel and recall.
 */
@Component
class DeliveryHandOver implements RunHandOver {

	private final Deliveries deliveries;

	private final Recalls recalls;

	DeliveryHandOver(Deliveries deliveries, Recalls recalls) {
		this.deliveries = deliveries;
		this.recalls = recalls;
	}

	@Override
	public long start(long chatAppId, String contentJson, List<String> officialAccounts, long campaignId,
			long campaignRunId) {
		return this.deliveries
			.startRun(new RunOrder(chatAppId, contentJson, officialAccounts, campaignId, campaignRunId));
	}

	@Override
	public void pause(long deliveryRunId) {
		this.deliveries.pause(deliveryRunId);
	}

	@Override
	public void resume(long deliveryRunId) {
		this.deliveries.resume(deliveryRunId);
	}

	@Override
	public void cancel(long deliveryRunId) {
		this.deliveries.cancel(deliveryRunId);
	}

	@Override
	public RecallProgress recallCampaign(long campaignId) {
		return this.recalls.recallCampaign(campaignId);
	}

}
