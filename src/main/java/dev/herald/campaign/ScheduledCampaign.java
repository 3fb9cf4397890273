package dev.herald.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as the calendar and the dashboard's next sends read it: what it is called,
 * where it sends and when it fires - not the whole campaign.
 *
 * @param id the campaign
 * @param label its label
 * @param chatAppId the app that sends
 * @param targetCount how many official accounts its audience had when saved
 * @param schedule when it fires
 */
record ScheduledCampaign(long id, String label, long chatAppId, int targetCount, Schedule schedule) {

	/**
	 * Its fires from {@code from} (inclusive) to {@code until} (exclusive).
	 * @param max how many at most
	 */
	List<Instant> fires(Instant from, int max, Instant until) {
		return this.schedule.fires(from, max, until);
	}

}
