package dev.herald.campaign;

import java.util.Collection;

import dev.herald.officialaccount.AudienceSource;

/**
 * Campaign commands that target single accounts, as the tests write them.
 */
final class TestCommands {

	private TestCommands() {
	}

	static CampaignCommand toAccounts(String label, long chatAppId, long versionId, Collection<Long> accountIds,
			Schedule schedule, LateFirePolicy latePolicy) {
		return new CampaignCommand(label, chatAppId, versionId,
				accountIds.stream().sorted().map(AudienceSource::account).toList(), schedule, latePolicy, null);
	}

}
