package dev.herald.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Fire times as Quartz computes them, across daylight-saving changes.
 */
class ScheduleTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void dailyKeepsTheLocalTimeAcrossBerlinsSpringForward() {
		// 2026-03-29 02:00 CET -> 03:00 CEST.
		Schedule schedule = Schedule.daily(LocalTime.of(9, 0), BERLIN, null);
		List<Instant> fires = schedule.fires(local("2026-03-27T00:00", BERLIN), 4, Instant.MAX);
		assertThat(fires).extracting((fire) -> fire.atZone(BERLIN).toLocalDateTime().toString())
			.containsExactly("2026-03-27T09:00", "2026-03-28T09:00", "2026-03-29T09:00", "2026-03-30T09:00");
		assertThat(fires.get(1)).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
		assertThat(fires.get(2)).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
	}

	@Test
	void aDailyTimeInsideTheSpringForwardGapSkipsThatDayAndThePreviewSaysSo() {
		Schedule schedule = Schedule.daily(LocalTime.of(2, 30), BERLIN, null);
		List<Instant> fires = schedule.fires(local("2026-03-27T00:00", BERLIN), 4, Instant.MAX);
		assertThat(fires).extracting((fire) -> fire.atZone(BERLIN).toLocalDate().toString())
			.containsExactly("2026-03-27", "2026-03-28", "2026-03-30", "2026-03-31");
		assertThat(schedule.skippedDays(local("2026-03-27T00:00", BERLIN), 7))
			.containsExactly(LocalDate.of(2026, 3, 29));
	}

	@Test
	void aDailyTimeInsideTheFallBackOverlapFiresOnce() {
		// 2026-10-25 03:00 CEST -> 02:00 CET: 02:30 happens twice, Herald sends once.
		Schedule schedule = Schedule.daily(LocalTime.of(2, 30), BERLIN, null);
		List<Instant> fires = schedule.fires(local("2026-10-24T00:00", BERLIN), 3, Instant.MAX);
		assertThat(fires).containsExactly(Instant.parse("2026-10-24T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
				Instant.parse("2026-10-26T01:30:00Z"));
	}

	@Test
	void weeklyInNewYorkFollowsTheWallClockAcrossBothChanges() {
		Schedule schedule = Schedule.weekly(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), LocalTime.of(8, 15),
				NEW_YORK, null);
		// Spring forward on Sunday 2026-03-08.
		assertThat(schedule.fires(local("2026-03-07T00:00", NEW_YORK), 2, Instant.MAX))
			.containsExactly(Instant.parse("2026-03-08T12:15:00Z"), Instant.parse("2026-03-09T12:15:00Z"));
		// Fall back on Sunday 2026-11-01.
		assertThat(schedule.fires(local("2026-10-31T00:00", NEW_YORK), 2, Instant.MAX))
			.containsExactly(Instant.parse("2026-11-01T13:15:00Z"), Instant.parse("2026-11-02T13:15:00Z"));
		assertThat(schedule.cronExpression()).isEqualTo("0 15 8 ? * MON,SUN");
	}

	@Test
	void weeklyInsideTheNewYorkGapIsSkippedAndTheOverlapFiresOnce() {
		Schedule schedule = Schedule.weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 30), NEW_YORK, null);
		assertThat(schedule.fires(local("2026-10-31T00:00", NEW_YORK), 2, Instant.MAX))
			.containsExactly(Instant.parse("2026-11-01T06:30:00Z"), Instant.parse("2026-11-08T06:30:00Z"));
		Schedule inGap = Schedule.weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), NEW_YORK, null);
		assertThat(inGap.fires(local("2026-03-01T03:00", NEW_YORK), 2, Instant.MAX))
			.extracting((fire) -> fire.atZone(NEW_YORK).toLocalDate().toString())
			.containsExactly("2026-03-15", "2026-03-22");
		assertThat(inGap.skippedDays(local("2026-03-01T03:00", NEW_YORK), 14))
			.containsExactly(LocalDate.of(2026, 3, 8));
	}

	@Test
	void cronRunsInItsZoneAndAnHourlyCronKeepsWallClockHoursInTheOverlap() {
		Schedule hourly = Schedule.cron("0 0 * * * ?", BERLIN, null);
		assertThat(hourly.fires(Instant.parse("2026-10-24T23:00:00Z"), 3, Instant.MAX))
			.extracting((fire) -> fire.atZone(BERLIN).toOffsetDateTime().toString())
			.containsExactly("2026-10-25T01:00+02:00", "2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00");
	}

	@Test
	void shanghaiHasNoDaylightSavingSoEveryFireIsEightHoursAheadOfUtc() {
		Schedule daily = Schedule.daily(LocalTime.of(2, 30), SHANGHAI, null);
		List<Instant> fires = daily.fires(local("2026-03-27T00:00", SHANGHAI), 10, Instant.MAX);
		assertThat(fires).hasSize(10)
			.allSatisfy(
					(fire) -> assertThat(fire.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(18, 30)));
		Schedule cron = Schedule.cron("0 0 10 ? * MON-FRI", SHANGHAI, null);
		assertThat(cron.fires(local("2026-10-24T00:00", SHANGHAI), 2, Instant.MAX))
			.containsExactly(Instant.parse("2026-10-26T02:00:00Z"), Instant.parse("2026-10-27T02:00:00Z"));
		assertThat(daily.skippedDays(local("2026-01-01T00:00", SHANGHAI), 366)).isEmpty();
	}

	@Test
	void anEndDateIsTheLastLocalDayThatFires() {
		Schedule schedule = Schedule.daily(LocalTime.of(23, 30), NEW_YORK, LocalDate.of(2026, 5, 3));
		assertThat(schedule.fires(local("2026-05-01T00:00", NEW_YORK), 10, Instant.MAX)).hasSize(3);
		assertThat(schedule.endsAt()).isEqualTo(local("2026-05-04T00:00", NEW_YORK));
		assertThat(schedule.nextFireAfter(local("2026-05-03T23:30", NEW_YORK))).isNull();
	}

	@Test
	void aOneOffFiresOnceAtItsInstant() {
		Instant at = local("2026-06-01T10:00", BERLIN);
		Schedule once = Schedule.once(at, BERLIN);
		assertThat(once.fires(at.minusSeconds(60), 5, Instant.MAX)).containsExactly(at);
		assertThat(once.fires(at.plusSeconds(1), 5, Instant.MAX)).isEmpty();
		assertThat(once.isRecurring()).isFalse();
	}

	@Test
	void countsTheFiresOfADayFromTheExpressionAsTheFireTimesDo() {
		Schedule everySecond = Schedule.cron("* * * * * ?", BERLIN, null);
		assertThat(everySecond.firesPerDay()).isEqualTo(86_400);
		Instant day = local("2026-06-01T00:00", BERLIN);
		assertThat(everySecond.fires(day, 100_000, day.plusSeconds(86_400))).hasSize(86_400);
		assertThat(Schedule.cron("0 0/15 * * * ?", BERLIN, null).firesPerDay()).isEqualTo(96);
		Schedule officeHours = Schedule.cron("0 0,30 9-17 ? * MON-FRI", BERLIN, null);
		assertThat(officeHours.firesPerDay()).isEqualTo(18);
		assertThat(officeHours.fires(day, 100, day.plusSeconds(86_400))).hasSize(18);
		assertThat(Schedule.daily(LocalTime.of(9, 0), BERLIN, null).firesPerDay()).isOne();
		assertThat(Schedule.once(day, BERLIN).firesPerDay()).isOne();
	}

	@Test
	void refusesAnInvalidCronExpression() {
		assertThatIllegalArgumentException().isThrownBy(() -> Schedule.cron("every day", BERLIN, null));
		assertThatIllegalArgumentException().isThrownBy(() -> Schedule.cron("0 0 25 * * ?", BERLIN, null));
	}

	private static Instant local(String dateTime, ZoneId zone) {
		return ZonedDateTime.of(LocalDateTime.parse(dateTime), zone).toInstant();
	}

}
