package dev.herald.campaign;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as lists and the dashboard show it.
 *
 * @param nextFireAt its next fire, or {@code null}
 * @param lastMissedAt when its latest MISSED run was due, or {@code null}
 */
public record CampaignOverview(long id, String label, long chatAppId, CampaignStatus status, String scheduleKind,
		int targets, @Nullable Instant nextFireAt, @Nullable Instant lastMissedAt) {

	public String statusKey() {
		return "CampaignStatus." + this.status.name();
	}

}
