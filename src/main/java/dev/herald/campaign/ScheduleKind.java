package dev.herald.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a campaign's fire times are given.
 */
enum ScheduleKind {

	/** Once, as soon as it is saved. */
	NOW,

	/** Once, at a local date-time in a time zone. */
	ONCE,

	/** Every day at a local time. */
	DAILY,

	/** On chosen days of the week at a local time. */
	WEEKLY,

	/** A Quartz cron expression. */
	CRON;

	/** The kinds whose fires a cron expression gives. */
	static final Set<ScheduleKind> RECURRING = EnumSet.of(DAILY, WEEKLY, CRON);

	boolean isRecurring() {
		return RECURRING.contains(this);
	}

}
