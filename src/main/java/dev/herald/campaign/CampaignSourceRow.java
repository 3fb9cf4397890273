package dev.herald.campaign;

import dev.herald.officialaccount.AudienceSource;
import org.jspecify.annotations.Nullable;

/**
 * One of a campaign's audience sources, read for a whole list of campaigns at once.
 */
record CampaignSourceRow(long campaignId, AudienceSource.Kind kind, @Nullable Long refId, @Nullable String tag) {

	AudienceSource source() {
		return new AudienceSource(this.kind, this.refId, this.tag);
	}

}
