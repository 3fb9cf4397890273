package dev.herald.campaign;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import dev.herald.shared.RuleViolationException;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Campaigns against the real database and Quartz job store: atomic row and trigger, quota
 * refusal, the late-fire policy, and fires of paused or cancelled campaigns.
 */
@ApplicationTest
class CampaignSchedulingTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	private CampaignScheduler scheduler;

	@Autowired
	private CampaignRunner runner;

	@Autowired
	private CampaignTriggers triggers;

	@Autowired
	private CampaignRepository campaigns;

	@Autowired
	private CampaignRunRepository runs;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CampaignFixtures fixtures;

	private CampaignScene scene;

	@BeforeEach
	void setUp() {
		this.scene = CampaignScene.set(this.fixtures, "Sched", 3);
	}

	@Test
	void createsTheCampaignRowAndItsTriggerTogether() {
		Instant at = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
		long id = this.scheduler.create(command("Together", Schedule.once(at, BERLIN))).id();
		assertThat(this.campaigns.findById(id)).isPresent();
		assertThat(this.triggers.exists(id)).isTrue();
		assertThat(this.triggers.nextFire(id)).isEqualTo(at);
		assertThat(this.jdbc.sql("select count(*) from audit_event where object_type = 'campaign' and object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theScheduleIsKeptInTheCampaignsColumnsAndReadBackWhole() {
		LocalDate end = LocalDate.now(BERLIN).plusMonths(2);
		Schedule weekly = Schedule.weekly(Set.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), LocalTime.of(9, 30), BERLIN,
				end);
		long id = this.scheduler.create(command("Columns", weekly)).id();
		assertThat(this.jdbc.sql("""
				select concat_ws(' ', schedule_kind, zone_id, time_of_day, days_of_week, end_date,
				  coalesce(fire_at::text, '-'), coalesce(cron, '-'))
				from campaign where id = :id""").param("id", id).query(String.class).single())
			.isEqualTo("WEEKLY Europe/Berlin 09:30:00 MONDAY,THURSDAY " + end + " - -");
		assertThat(this.campaigns.findById(id).orElseThrow().schedule()).isEqualTo(weekly);

		Schedule once = Schedule.once(Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS), BERLIN);
		long oneOff = this.scheduler.create(command("One-off columns", once)).id();
		assertThat(this.jdbc.sql("select days_of_week is null and time_of_day is null from campaign where id = :id")
			.param("id", oneOff)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.campaigns.findById(oneOff).orElseThrow().schedule()).isEqualTo(once);
	}

	@Test
	void aFailureAfterTheTriggerWasCreatedRollsBackRowAndTrigger() {
		long before = this.campaigns.count();
		long[] created = new long[1];
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			created[0] = this.scheduler.create(command("Doomed", Schedule.daily(LocalTime.of(10, 0), BERLIN, null)))
				.id();
			assertThat(this.triggers.exists(created[0])).isTrue();
			throw new IllegalStateException("something after the trigger failed");
		}));
		assertThat(created[0]).isPositive();
		assertThat(this.campaigns.count()).isEqualTo(before);
		assertThat(this.campaigns.findById(created[0])).isEmpty();
		assertThat(this.triggers.exists(created[0])).isFalse();
	}

	@Test
	void refusesAThirdBroadcastWithinAnHourAndNamesTheOtherCampaigns() {
		Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		this.scheduler.create(command("First of the hour", Schedule.once(at, BERLIN)));
		this.scheduler.create(command("Second of the hour", Schedule.once(at.plusSeconds(600), BERLIN)));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.scheduler.create(command("Third", Schedule.once(at.plusSeconds(1200), BERLIN))))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("campaigns.quota.conflict");
				assertThat(ex.arguments()[0].toString()).contains("First of the hour").contains("Second of the hour");
			});
		// An hour after the first, the quota allows it again.
		long moved = this.scheduler.create(command("Third, moved", Schedule.once(at.plusSeconds(3600), BERLIN))).id();
		assertThat(this.triggers.exists(moved)).isTrue();
	}

	@Test
	void aOneOffThatHasFiredCountsAsItsRunAloneNotAlsoAsAFireToCome() {
		Instant soon = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
		long fired = this.scheduler.create(command("Fired early", Schedule.once(soon, BERLIN))).id();
		assertThat(this.runner.fire(fired, soon)).isEqualTo(CampaignRunner.FireOutcome.SENT);

		// Its run is one broadcast in the hour; its schedule's fire time is not a second.
		long second = this.scheduler
			.create(command("Second of the hour", Schedule.once(soon.plus(Duration.ofMinutes(10)), BERLIN)))
			.id();
		assertThat(this.triggers.exists(second)).isTrue();
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> this.scheduler
			.create(command("Third of the hour", Schedule.once(soon.plus(Duration.ofMinutes(20)), BERLIN))));
	}

	@Test
	void refusesACronThatFiresMoreThanTwiceAnHour() {
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(
					() -> this.scheduler.create(command("Too often", Schedule.cron("0 0/15 * * * ?", BERLIN, null))))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("campaigns.quota.self");
				// Every quarter of an hour: 96 fires a day, which the refusal says.
				assertThat(ex.arguments()[3]).isEqualTo(96);
			});
	}

	@Test
	void aFireOnTimeOrSlightlyLateIsSentAndATooLateOneIsMissed() {
		Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
		long daily = this.scheduler.create(command("Late policy", Schedule.daily(LocalTime.of(4, 0), BERLIN, null)))
			.id();
		Instant now = Instant.now();
		assertThat(this.runner.fire(daily, now.minusSeconds(1))).isEqualTo(CampaignRunner.FireOutcome.SENT);
		assertThat(this.runner.fire(daily, now.minus(Duration.ofMinutes(14))))
			.isEqualTo(CampaignRunner.FireOutcome.SENT);
		assertThat(this.runner.fire(daily, now.minus(Duration.ofMinutes(16))))
			.isEqualTo(CampaignRunner.FireOutcome.MISSED);
		// The same fire again (a recovery, a second node) changes nothing.
		assertThat(this.runner.fire(daily, now.minusSeconds(1))).isEqualTo(CampaignRunner.FireOutcome.IGNORED);
		List<CampaignRun> recorded = this.runs.findByCampaignIdOrderByScheduledForDesc(daily);
		assertThat(recorded).extracting(CampaignRun::getStatus)
			.containsExactly(RunStatus.RUNNING, RunStatus.RUNNING, RunStatus.MISSED);
		assertThat(this.campaigns.findById(daily).orElseThrow().getStatus()).isEqualTo(CampaignStatus.RUNNING);
		assertThat(at).isAfter(now);

		long once = this.scheduler.create(command("Late one-off", Schedule.once(at.plusSeconds(7200), BERLIN))).id();
		assertThat(this.runner.fire(once, now.minus(Duration.ofHours(2)))).isEqualTo(CampaignRunner.FireOutcome.MISSED);
		assertThat(this.campaigns.findById(once).orElseThrow().getStatus()).isEqualTo(CampaignStatus.MISSED);
	}

	@Test
	void aPausedOrCancelledCampaignNeverFires() {
		Instant at = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.MINUTES);
		long paused = this.scheduler.create(command("Held", Schedule.once(at, BERLIN))).id();
		this.scheduler.pause(paused);
		assertThat(this.jdbc.sql("select trigger_state from qrtz_triggers where trigger_name = :name")
			.param("name", "campaign-" + paused)
			.query(String.class)
			.single()).isEqualTo("PAUSED");
		assertThat(this.runner.fire(paused, at)).isEqualTo(CampaignRunner.FireOutcome.IGNORED);

		long cancelled = this.scheduler.create(command("Stopped", Schedule.once(at.plusSeconds(7200), BERLIN))).id();
		this.scheduler.cancel(cancelled);
		assertThat(this.triggers.exists(cancelled)).isFalse();
		assertThat(this.runner.fire(cancelled, at.plusSeconds(7200))).isEqualTo(CampaignRunner.FireOutcome.IGNORED);
		assertThat(this.runs.countByCampaignId(paused) + this.runs.countByCampaignId(cancelled)).isZero();

		this.scheduler.resume(paused);
		assertThat(this.campaigns.findById(paused).orElseThrow().getStatus()).isEqualTo(CampaignStatus.SCHEDULED);
		assertThat(this.triggers.nextFire(paused)).isEqualTo(at);
	}

	@Test
	void refusesAnUnapprovedVersion() {
		long unapproved = this.fixtures.unapprovedVersion("Not approved");
		CampaignCommand command = new CampaignScene(this.scene.app(), unapproved).command("Forged",
				Schedule.once(Instant.now().plus(Duration.ofDays(5)), BERLIN));
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> this.scheduler.create(command))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("versionId"));
	}

	private CampaignCommand command(String label, Schedule schedule) {
		return this.scene.command(label, schedule);
	}

}
