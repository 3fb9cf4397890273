package dev.herald.campaign;

/**
 * Where one fire of a campaign stands.
 */
enum RunStatus {

	/** Handed to the delivery engine, not finished yet. */
	RUNNING,

	/** Every delivery reached Tencent. */
	COMPLETED,

	/** Some deliveries failed for good. */
	COMPLETED_WITH_FAILURES,

	/** Stopped before every delivery was sent. */
	CANCELLED,

	/** Fired later than the late-fire policy allows; nothing was sent. */
	MISSED;

	boolean isActive() {
		return this == RUNNING;
	}

	boolean isFailure() {
		return this == COMPLETED_WITH_FAILURES || this == MISSED;
	}

	/** Not everything was sent: failures, a missed fire, or a cancelled run. */
	boolean fellShort() {
		return isFailure() || this == CANCELLED;
	}

}
