package dev.herald.campaign;

import java.util.Set;

/**
 * What an operator asks for when creating or editing a campaign.
 */
record CampaignCommand(String label, long chatAppId, long versionId, Set<Long> accountIds, Set<Long> groupIds,
		Schedule schedule, LateFirePolicy latePolicy) {

	CampaignCommand {
		accountIds = Set.copyOf(accountIds);
		groupIds = Set.copyOf(groupIds);
	}

}
