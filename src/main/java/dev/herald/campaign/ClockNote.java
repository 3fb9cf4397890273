package dev.herald.campaign;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * What a daylight-saving change does to a one-off's local time, in words the form shows:
 * a time in the spring-forward gap does not exist and Herald sends at the same time after
 * the change; a time in the autumn overlap happens twice and Herald sends at the first.
 *
 * @param messageKey which of the two
 * @param local the time as typed
 * @param zone its zone
 * @param at the instant Herald uses
 */
record ClockNote(String messageKey, LocalDateTime local, ZoneId zone, Instant at) {

	static Optional<ClockNote> of(LocalDateTime local, ZoneId zone) {
		ZoneOffsetTransition transition = zone.getRules().getTransition(local);
		if (transition == null) {
			return Optional.empty();
		}
		Instant at = local.atZone(zone).toInstant();
		return Optional
			.of(new ClockNote(transition.isGap() ? "campaigns.clock.gap" : "campaigns.clock.overlap", local, zone, at));
	}

}
