package dev.herald.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Shows instants in the viewer's time zone; templates call it as {@code @timeFormat}.
 */
@Component("timeFormat")
public class TimeFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter DATE_TIME_ZONE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

	public String dateTime(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(zone)) : "";
	}

	/**
	 * The instant for a {@code <time datetime>}: ISO 8601 in UTC with at most three
	 * fraction digits, as HTML allows.
	 */
	public String machine(@Nullable Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : "";
	}

	public String dateTimeWithZone(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? DATE_TIME_ZONE.format(instant.atZone(zone)) : "";
	}

}
