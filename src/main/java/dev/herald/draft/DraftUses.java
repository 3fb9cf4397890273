package dev.herald.draft;

import java.util.List;

/**
 * Campaigns that will still send a version of a draft, so its composer can warn that an
 * edit starts a new version they do not take. Implemented by the module that owns
 * campaigns; the draft module does not depend on it.
 */
public interface DraftUses {

	/** Campaigns still to send (scheduled, running, paused) a version of the draft. */
	List<DraftUse> campaignsSending(long draftId);

	/**
	 * One such campaign.
	 *
	 * @param versionNumber the draft version it sends
	 */
	record DraftUse(long campaignId, String label, int versionNumber) {
	}

}
