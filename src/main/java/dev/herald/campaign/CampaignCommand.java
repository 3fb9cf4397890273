package dev.herald.campaign;

import java.util.List;
import java.util.UUID;

import dev.herald.officialaccount.AudienceSource;
import org.jspecify.annotations.Nullable;

/**
 * What an operator asks for when creating or editing a campaign.
 *
 * @param sources what the campaign targets, resolved when it fires
 * @param submissionToken the create form's one-time token, or {@code null}
 */
record CampaignCommand(String label, long chatAppId, long versionId, List<AudienceSource> sources, Schedule schedule,
		LateFirePolicy latePolicy, @Nullable UUID submissionToken) {

	CampaignCommand {
		sources = sources.stream().distinct().toList();
	}

}
