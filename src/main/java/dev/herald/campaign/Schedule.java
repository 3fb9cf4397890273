package dev.herald.campaign;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

/**
 * When a campaign fires, in the time zone the operator chose.
 * <p>
 * Recurring schedules are Quartz cron expressions evaluated in {@link #zone()} - the very
 * expression the campaign's {@code CronTrigger} gets - so the fire times shown before
 * saving are the fire times Quartz uses. Their wall-clock rules across daylight-saving
 * changes are Quartz's: a local time that occurs twice (autumn) fires once; a local time
 * that does not exist that day (spring) does not fire that day, and the preview warns
 * about it ({@link #skippedDays}).
 *
 * @param kind how the fire times are given
 * @param zone the IANA time zone the times are in
 * @param fireAt the instant of a one-off ({@link ScheduleKind#NOW} and
 * {@link ScheduleKind#ONCE})
 * @param timeOfDay the local time of a daily or weekly schedule
 * @param days the days of a weekly schedule
 * @param cron the Quartz cron expression of a {@link ScheduleKind#CRON} schedule
 * @param endDate the last local date a recurring schedule may fire on, or {@code null}
 */
@Embeddable
record Schedule(@Enumerated(EnumType.STRING) @Column(name = "schedule_kind") ScheduleKind kind,
		@Column(name = "zone_id") ZoneId zone, @Nullable Instant fireAt, @Nullable LocalTime timeOfDay,
		@Convert(converter = DaysColumn.class) @Column(name = "days_of_week") Set<DayOfWeek> days,
		@Nullable String cron, @Nullable LocalDate endDate) {

	Schedule {
		// Read from a row without days, Hibernate passes null rather than calling the
		// converter.
		days = (days == null || days.isEmpty()) ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
		switch (kind) {
			case NOW, ONCE -> require(fireAt != null, "a one-off needs its instant");
			case DAILY -> require(timeOfDay != null, "a daily schedule needs a time");
			case WEEKLY -> require(timeOfDay != null && !days.isEmpty(), "a weekly schedule needs a time and days");
			case CRON -> require(cron != null && CronExpression.isValidExpression(cron), "invalid cron expression");
		}
	}

	static Schedule now(Instant now, ZoneId zone) {
		return new Schedule(ScheduleKind.NOW, zone, now, null, Set.of(), null, null);
	}

	static Schedule once(Instant at, ZoneId zone) {
		return new Schedule(ScheduleKind.ONCE, zone, at, null, Set.of(), null, null);
	}

	static Schedule daily(LocalTime time, ZoneId zone, @Nullable LocalDate endDate) {
		return new Schedule(ScheduleKind.DAILY, zone, null, time, Set.of(), null, endDate);
	}

	static Schedule weekly(Set<DayOfWeek> days, LocalTime time, ZoneId zone, @Nullable LocalDate endDate) {
		return new Schedule(ScheduleKind.WEEKLY, zone, null, time, days, null, endDate);
	}

	static Schedule cron(String expression, ZoneId zone, @Nullable LocalDate endDate) {
		return new Schedule(ScheduleKind.CRON, zone, null, null, Set.of(), expression, endDate);
	}

	public boolean isRecurring() {
		return this.kind.isRecurring();
	}

	/**
	 * The Quartz cron expression of a recurring schedule.
	 * @return the expression, seconds first
	 */
	public String cronExpression() {
		return switch (this.kind) {
			case DAILY -> "0 %d %d ? * *".formatted(time().getMinute(), time().getHour());
			case WEEKLY -> "0 %d %d ? * %s".formatted(time().getMinute(), time().getHour(),
					this.days.stream().map((day) -> day.name().substring(0, 3)).collect(Collectors.joining(",")));
			case CRON -> Objects.requireNonNull(this.cron);
			default -> throw new IllegalStateException(this.kind + " is not recurring");
		};
	}

	/**
	 * The end of a recurring schedule: the start of the day after its end date, in its
	 * zone.
	 * @return the first instant it may no longer fire, or {@code null}
	 */
	@Nullable Instant endsAt() {
		return (this.endDate != null) ? this.endDate.plusDays(1).atStartOfDay(this.zone).toInstant() : null;
	}

	/**
	 * Fire times from {@code from} (inclusive), at most {@code max}, before
	 * {@code until}.
	 * @param from the earliest instant
	 * @param max how many at most
	 * @param until the end of the horizon (exclusive)
	 * @return fire times in order
	 */
	List<Instant> fires(Instant from, int max, Instant until) {
		List<Instant> fires = new ArrayList<>();
		if (!isRecurring()) {
			Instant at = Objects.requireNonNull(this.fireAt);
			// "Now" means as soon as possible: it fires at whatever moment it is checked.
			if (this.kind == ScheduleKind.NOW && at.isBefore(from)) {
				at = from;
			}
			if (!at.isBefore(from) && at.isBefore(until) && max > 0) {
				fires.add(at);
			}
			return fires;
		}
		Instant end = endsAt();
		Instant limit = (end != null && end.isBefore(until)) ? end : until;
		CronExpression expression = expression();
		Date cursor = Date.from(from.minusMillis(1));
		while (fires.size() < max) {
			Date next = expression.getTimeAfter(cursor);
			if (next == null || !next.toInstant().isBefore(limit)) {
				break;
			}
			fires.add(next.toInstant());
			cursor = next;
		}
		return fires;
	}

	/**
	 * How often the schedule fires on a day it fires at all: once for a one-off, daily or
	 * weekly schedule; for a cron, the number of its seconds times its minutes times its
	 * hours, read from the expression, so that "every second" needs no 86,400 fire times
	 * to say so. (A day on which the clocks change may differ by an hour's worth.)
	 * @return the fires of such a day
	 */
	int firesPerDay() {
		if (this.kind != ScheduleKind.CRON) {
			return 1;
		}
		// Quartz shows its parsed fields only in its summary: "seconds: 0,30",
		// "minutes: *", one line each.
		int fires = 1;
		for (String line : expression().getExpressionSummary().split("\n")) {
			String[] field = line.split(":", 2);
			int all = switch (field[0].trim()) {
				case "seconds", "minutes" -> 60;
				case "hours" -> 24;
				default -> 0;
			};
			if (all > 0) {
				String values = field[1].trim();
				fires *= values.equals("*") ? all : values.split(",").length;
			}
		}
		return fires;
	}

	/**
	 * The first fire strictly after an instant.
	 * @param after the instant
	 * @return the next fire, or {@code null} when none is left
	 */
	@Nullable Instant nextFireAfter(Instant after) {
		List<Instant> next = fires(after.plusMillis(1), 1, Instant.MAX);
		return next.isEmpty() ? null : next.get(0);
	}

	/**
	 * Days within a horizon on which a daily or weekly time does not exist in the zone
	 * (spring-forward gap), so Quartz does not fire that day.
	 * @param from the start of the horizon
	 * @param days how many days to look at
	 * @return the skipped local dates
	 */
	List<LocalDate> skippedDays(Instant from, int days) {
		List<LocalDate> skipped = new ArrayList<>();
		if (this.kind != ScheduleKind.DAILY && this.kind != ScheduleKind.WEEKLY) {
			return skipped;
		}
		LocalDate first = from.atZone(this.zone).toLocalDate();
		for (int i = 0; i < days; i++) {
			LocalDate date = first.plusDays(i);
			if (this.endDate != null && date.isAfter(this.endDate)) {
				break;
			}
			boolean scheduled = this.kind == ScheduleKind.DAILY || this.days.contains(date.getDayOfWeek());
			if (scheduled && this.zone.getRules().getValidOffsets(date.atTime(time())).isEmpty()) {
				skipped.add(date);
			}
		}
		return skipped;
	}

	private LocalTime time() {
		return Objects.requireNonNull(this.timeOfDay);
	}

	private CronExpression expression() {
		try {
			CronExpression expression = new CronExpression(cronExpression());
			expression.setTimeZone(TimeZone.getTimeZone(this.zone));
			return expression;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Invalid cron expression " + cronExpression(), ex);
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * The days of a weekly schedule as the {@code days_of_week} column keeps them:
	 * {@code MONDAY,THURSDAY}, or {@code null} for none.
	 */
	@Converter
	static final class DaysColumn implements AttributeConverter<Set<DayOfWeek>, @Nullable String> {

		@Override
		public @Nullable String convertToDatabaseColumn(@Nullable Set<DayOfWeek> days) {
			return (days == null || days.isEmpty()) ? null
					: days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
		}

		@Override
		public Set<DayOfWeek> convertToEntityAttribute(@Nullable String column) {
			return (column != null)
					? Arrays.stream(column.split(","))
						.map(DayOfWeek::valueOf)
						.collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)))
					: EnumSet.noneOf(DayOfWeek.class);
		}

	}

}
