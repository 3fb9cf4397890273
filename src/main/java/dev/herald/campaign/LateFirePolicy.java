package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;

/**
 * How late a fire may still send: if Herald was down (or busy) at fire time, a run that
 * starts at most {@code minutes} after its scheduled time is sent, a later one is MISSED
 * and the operator is told.
 *
 * @param minutes the tolerance in minutes, 0 to 1440
 */
record LateFirePolicy(int minutes) {

	static final int DEFAULT_MINUTES = 15;

	LateFirePolicy {
		if (minutes < 0 || minutes > 1440) {
			throw new IllegalArgumentException("late-fire tolerance must be 0 to 1440 minutes, not " + minutes);
		}
	}

	/**
	 * Whether a fire may still send.
	 * @param scheduledFor when it should have fired
	 * @param now when it fires
	 * @return {@code true} when it is at most {@link #minutes()} late
	 */
	boolean allows(Instant scheduledFor, Instant now) {
		return Duration.between(scheduledFor, now).compareTo(Duration.ofMinutes(this.minutes)) <= 0;
	}

}
