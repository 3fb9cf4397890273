package dev.herald.campaign;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	QuotaLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void lock(long chatAppId) {
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(CAMPAIGN_QUOTA, (int) chatAppId).query((rs) -> {
		});
	}

}
