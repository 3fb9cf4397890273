package dev.herald.shared.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises one kind of work on one object across every node: a PostgreSQL advisory lock
 * held until the caller's transaction ends. Each kind names its own first half of the
 * key, e.g. {@code 0x48_52_52} ("HRR") for recalls of a run.
 */
@Component
public class TransactionLocks {

	private final JdbcClient jdbc;

	TransactionLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits until no other transaction holds the lock of {@code kind} on {@code id}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void hold(int kind, long id) {
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(kind, (int) id).query((rs) -> {
		});
	}

}
