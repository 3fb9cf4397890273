package dev.herald.campaign;

import dev.herald.shared.database.TransactionLocks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises the quota check and the save of campaigns of one Chat app across every node:
 * two saves at once could each pass the check and together break an account's two
 * broadcasts an hour. A PostgreSQL advisory lock, held until the transaction ends.
 */
@Component
class QuotaLock {

	// The first half of the lock's key; the Chat app's id is the second.
	private static final int CAMPAIGN_QUOTA = 0x48_43_51; // "HCQ"

	private final TransactionLocks locks;

	QuotaLock(TransactionLocks locks) {
		this.locks = locks;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void lock(long chatAppId) {
		this.locks.hold(CAMPAIGN_QUOTA, chatAppId);
	}

}
