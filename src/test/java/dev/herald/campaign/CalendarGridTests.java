package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarGridTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void aMonthIsWholeWeeksFromMondayToSundayWithTheNeighboursDaysGreyed() {
		CalendarGrid march = new CalendarGrid(false, LocalDate.of(2026, 3, 15), BERLIN);
		assertThat(march.first()).isEqualTo(LocalDate.of(2026, 2, 23));
		assertThat(march.last()).isEqualTo(LocalDate.of(2026, 4, 5));
		List<List<LocalDate>> weeks = march.weeks();
		assertThat(weeks).hasSize(6).allSatisfy((week) -> assertThat(week).hasSize(7));
		assertThat(weeks.get(0).get(0)).isEqualTo(LocalDate.of(2026, 2, 23));
		assertThat(weeks.get(5).get(6)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(march.isShown(LocalDate.of(2026, 2, 28))).isFalse();
		assertThat(march.isShown(LocalDate.of(2026, 3, 1))).isTrue();
		assertThat(march.isShown(LocalDate.of(2026, 4, 1))).isFalse();
		assertThat(march.previous()).isEqualTo(LocalDate.of(2026, 2, 15));
		assertThat(march.next()).isEqualTo(LocalDate.of(2026, 4, 15));
	}

	@Test
	void aMonthThatStartsOnAMondayHasNoLeadingDays() {
		CalendarGrid june = new CalendarGrid(false, LocalDate.of(2026, 6, 30), BERLIN);
		assertThat(june.first()).isEqualTo(LocalDate.of(2026, 6, 1));
		assertThat(june.last()).isEqualTo(LocalDate.of(2026, 7, 5));
		assertThat(june.weeks()).hasSize(5);
	}

	@Test
	void aMonthAnchoredOnTheThirtyFirstStepsToTheNeighbouringMonths() {
		CalendarGrid january = new CalendarGrid(false, LocalDate.of(2026, 1, 31), BERLIN);
		assertThat(january.next()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(january.previous()).isEqualTo(LocalDate.of(2025, 12, 31));
	}

	@Test
	void aWeekIsMondayToSundayAroundItsDayAndShowsEveryDay() {
		CalendarGrid week = new CalendarGrid(true, LocalDate.of(2026, 4, 1), BERLIN);
		assertThat(week.weeks()).containsExactly(List.of(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 31),
				LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 4),
				LocalDate.of(2026, 4, 5)));
		assertThat(week.isShown(LocalDate.of(2026, 3, 30))).isTrue();
		assertThat(week.previous()).isEqualTo(LocalDate.of(2026, 3, 25));
		assertThat(week.next()).isEqualTo(LocalDate.of(2026, 4, 8));
	}

	@Test
	void theShownRangeRunsFromTheViewersMidnightToMidnightAcrossASpringForward() {
		CalendarGrid march = new CalendarGrid(false, LocalDate.of(2026, 3, 1), BERLIN);
		assertThat(march.from()).isEqualTo(Instant.parse("2026-02-22T23:00:00Z"));
		assertThat(march.until()).isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));
		// 42 days, one of which (29 March) has 23 hours.
		assertThat(Duration.between(march.from(), march.until())).isEqualTo(Duration.ofDays(42).minusHours(1));
		CalendarGrid inUtc = new CalendarGrid(false, LocalDate.of(2026, 3, 1), ZoneOffset.UTC);
		assertThat(inUtc.from()).isEqualTo(Instant.parse("2026-02-23T00:00:00Z"));
	}

	@Test
	void aFireFallsOnTheDateItHasInTheViewersZone() {
		Instant lateOnSunday = Instant.parse("2026-03-29T22:30:00Z");
		List<CalendarFire> fires = List.of(fire(1, lateOnSunday));
		assertThat(new CalendarGrid(false, LocalDate.of(2026, 3, 1), BERLIN).byDay(fires))
			.containsOnlyKeys(LocalDate.of(2026, 3, 30));
		assertThat(new CalendarGrid(false, LocalDate.of(2026, 3, 1), ZoneOffset.UTC).byDay(fires))
			.containsOnlyKeys(LocalDate.of(2026, 3, 29));
		assertThat(new CalendarGrid(false, LocalDate.of(2026, 3, 1), ZoneId.of("America/Los_Angeles")).byDay(fires))
			.containsOnlyKeys(LocalDate.of(2026, 3, 29));
	}

	@Test
	void bothHalfPastTwosOfAnAutumnNightFallOnTheSameDayInTheirOrder() {
		// 02:30 summer time, then an hour later 02:30 standard time.
		CalendarFire first = fire(1, Instant.parse("2026-10-25T00:30:00Z"));
		CalendarFire second = fire(2, Instant.parse("2026-10-25T01:30:00Z"));
		CalendarFire evening = fire(3, Instant.parse("2026-10-25T22:59:00Z"));
		assertThat(new CalendarGrid(false, LocalDate.of(2026, 10, 1), BERLIN).byDay(List.of(first, second, evening)))
			.containsOnlyKeys(LocalDate.of(2026, 10, 25))
			.hasEntrySatisfying(LocalDate.of(2026, 10, 25),
					(day) -> assertThat(day).containsExactly(first, second, evening));
	}

	private static CalendarFire fire(long campaignId, Instant at) {
		return new CalendarFire(campaignId, "Campaign " + campaignId, 7, at, 1);
	}

}
