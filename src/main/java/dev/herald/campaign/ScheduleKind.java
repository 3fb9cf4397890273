package dev.herald.campaign;

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

	boolean isRecurring() {
		return this == DAILY || this == WEEKLY || this == CRON;
	}

}
