package dev.herald.campaign;

import java.util.Collection;
import java.util.List;

import dev.herald.support.CampaignFixtures;

/**
 * What most campaign tests start from: a Chat app of their own with official accounts, a
 * draft version approved by a second person, and commands that send it to those accounts.
 *
 * @param app the app and its accounts
 * @param versionId the approved version
 */
record CampaignScene(CampaignFixtures.App app, long versionId) {

	static final LateFirePolicy LATE_POLICY = new LateFirePolicy(15);

	/**
	 * Sets the scene.
	 * @param name names the app, its accounts and the draft
	 * @param accounts how many official accounts the app has
	 */
	static CampaignScene set(CampaignFixtures fixtures, String name, int accounts) {
		return new CampaignScene(fixtures.app(name, accounts), fixtures.approvedVersion(name + " content"));
	}

	long appId() {
		return this.app.id();
	}

	List<Long> accountIds() {
		return this.app.accountIds();
	}

	/** A command that sends the approved version to every account of the app. */
	CampaignCommand command(String label, Schedule schedule) {
		return command(label, schedule, accountIds());
	}

	/** A command that sends the approved version to some accounts of the app. */
	CampaignCommand command(String label, Schedule schedule, Collection<Long> accountIds) {
		return TestCommands.toAccounts(label, appId(), this.versionId, accountIds, schedule, LATE_POLICY);
	}

}
