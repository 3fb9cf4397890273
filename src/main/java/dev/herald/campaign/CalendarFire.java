package dev.herald.campaign;

import java.time.Instant;

/**
 * One upcoming fire in the calendar.
 *
 * @param busiestAccountBroadcasts broadcasts to the busiest of its official accounts in
 * the clock hour of this fire, across all campaigns (the quota is 2)
 */
record CalendarFire(long campaignId, String label, long chatAppId, Instant at, int busiestAccountBroadcasts) {

	public boolean atQuota() {
		return this.busiestAccountBroadcasts >= QuotaCheck.BROADCASTS_PER_WINDOW;
	}

}
