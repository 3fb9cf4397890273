package dev.herald.campaign;

import org.jspecify.annotations.Nullable;

/**
 * What the campaign list is narrowed to: a status, an app, a text in the label or the
 * draft's title (any case), live or archived campaigns.
 *
 * @param status only campaigns in this status, or {@code null}
 * @param chatAppId only campaigns of this app, or {@code null}
 * @param text a text the label or draft title contains, or blank
 * @param archived archived campaigns instead of live ones
 */
record CampaignFilter(@Nullable CampaignStatus status, @Nullable Long chatAppId, String text, boolean archived) {

	CampaignFilter {
		text = text.strip();
	}

}
