package dev.herald.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days one calendar page shows, in the viewer's time zone: a month as whole weeks
 * from Monday to Sunday (so it starts with the last days of the month before and ends
 * with the first of the month after), or a single week; and on which of those days each
 * fire falls.
 *
 * @param week one week instead of a month
 * @param anchor the day the page is for
 * @param zone the viewer's time zone
 */
record CalendarGrid(boolean week, LocalDate anchor, ZoneId zone) {

	/** The first day shown: a Monday. */
	LocalDate first() {
		LocalDate start = this.week ? this.anchor : this.anchor.withDayOfMonth(1);
		return start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The last day shown: a Sunday. */
	LocalDate last() {
		return this.week ? first().plusDays(6) : this.anchor.with(TemporalAdjusters.lastDayOfMonth())
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
	}

	/** The first instant shown: the start of the first day (not always midnight). */
	Instant from() {
		return first().atStartOfDay(this.zone).toInstant();
	}

	/** The end of the last day shown (exclusive). */
	Instant until() {
		return last().plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	/** The days shown, a row of seven per week. */
	List<List<LocalDate>> weeks() {
		List<List<LocalDate>> weeks = new ArrayList<>();
		for (LocalDate monday = first(); !monday.isAfter(last()); monday = monday.plusDays(7)) {
			List<LocalDate> days = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				days.add(monday.plusDays(i));
			}
			weeks.add(days);
		}
		return weeks;
	}

	/**
	 * Whether a day belongs to the month or week shown rather than leading or trailing
	 * it.
	 */
	public boolean isShown(LocalDate day) {
		return this.week || day.getMonth() == this.anchor.getMonth();
	}

	/** The page before this one. */
	LocalDate previous() {
		return this.week ? this.anchor.minusWeeks(1) : this.anchor.minusMonths(1);
	}

	/** The page after this one. */
	LocalDate next() {
		return this.week ? this.anchor.plusWeeks(1) : this.anchor.plusMonths(1);
	}

	/**
	 * The fires on each day, by the date they fall on in the viewer's zone.
	 * @param fires the fires, in order
	 * @return day to its fires, in order; days without a fire are absent
	 */
	Map<LocalDate, List<CalendarFire>> byDay(List<CalendarFire> fires) {
		Map<LocalDate, List<CalendarFire>> byDay = new TreeMap<>();
		for (CalendarFire fire : fires) {
			byDay.computeIfAbsent(fire.at().atZone(this.zone).toLocalDate(), (day) -> new ArrayList<>()).add(fire);
		}
		return byDay;
	}

}
