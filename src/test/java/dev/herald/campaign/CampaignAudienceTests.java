package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.herald.officialaccount.Audience;
import dev.herald.officialaccount.AudienceSource;
import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A campaign keeps its sources and resolves them when it fires: accounts tagged after the
 * save take part, archived ones are skipped and counted, and the run keeps each source's
 * share.
 */
@ApplicationTest
class CampaignAudienceTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private CampaignScheduler scheduler;

	@Autowired
	private CampaignRunner runner;

	@Autowired
	private CampaignRunRepository runs;

	@Autowired
	private MockMvcTester mvc;

	private CampaignScene scene;

	@BeforeEach
	void setUp() {
		this.scene = CampaignScene.set(this.fixtures, "Audience", 4);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("op", null, List.of()));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRunResolvesItsSourcesWhenItFires() {
		tag(0, "store");
		tag(1, "store");
		Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
		long id = this.scheduler
			.create(new CampaignCommand("By tag", this.scene.appId(), this.scene.versionId(),
					List.of(AudienceSource.tagged("store"), AudienceSource.account(this.scene.accountIds().get(3))),
					Schedule.once(at, ZoneOffset.UTC), CampaignScene.LATE_POLICY, null))
			.id();

		tag(2, "store");
		this.jdbc.sql("update official_account set archived_at = now() where id = ?")
			.param(this.scene.accountIds().get(0))
			.update();
		assertThat(this.runner.fire(id, Instant.now())).isEqualTo(CampaignRunner.FireOutcome.SENT);

		CampaignRun run = this.runs.findByCampaignIdOrderByScheduledForDesc(id).get(0);
		assertThat(run.getTargetCount()).isEqualTo(3);
		assertThat(run.getArchivedSkipped()).isEqualTo(1);
		assertThat(run.shares()).containsExactly(new Audience.Share(AudienceSource.Kind.TAG, "store", 2),
				new Audience.Share(AudienceSource.Kind.ACCOUNT, "", 1));
		assertThat(this.jdbc.sql("select official_account from delivery where campaign_run_id = ? order by 1")
			.param(run.id())
			.query(String.class)
			.list()).containsExactly(accountId(1), accountId(2), accountId(3));
		assertThat(this.mvc.get().uri("/reports/runs/{id}", run.getDeliveryRunId()).with(user("an").roles("ANALYST")))
			.hasStatusOk()
			.bodyText()
			.contains("Tag &quot;store&quot;: 2", "Individual accounts: 1", "Archived accounts left out: 1");
	}

	@Test
	void aOneOffMayBeAnyTimeAhead() {
		Instant nextYear = Instant.now().plus(Duration.ofDays(300)).truncatedTo(ChronoUnit.MINUTES);
		CampaignCommand command = this.scene.command("Next year", Schedule.once(nextYear, ZoneOffset.UTC));
		long id = this.scheduler.create(command).id();
		assertThat(id).isPositive();
		CampaignPlan plan = this.scheduler.preview(id, command);
		assertThat(plan.forecasts()).extracting(CampaignPlan.Forecast::fire).containsExactly(nextYear);
	}

	@Test
	void daylightSavingGapsAndOverlapsAreExplained() {
		ZoneId newYork = ZoneId.of("America/New_York");
		LocalDateTime gap = LocalDateTime.of(2027, 3, 14, 2, 30);
		assertThat(ClockNote.of(gap, newYork)).hasValueSatisfying((note) -> {
			assertThat(note.messageKey()).isEqualTo("campaigns.clock.gap");
			assertThat(note.at()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
		});
		LocalDateTime overlap = LocalDateTime.of(2027, 11, 7, 1, 30);
		assertThat(ClockNote.of(overlap, newYork)).hasValueSatisfying((note) -> {
			assertThat(note.messageKey()).isEqualTo("campaigns.clock.overlap");
			assertThat(note.at()).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
		});
		assertThat(ClockNote.of(LocalDateTime.of(2027, 6, 1, 9, 0), newYork)).isEmpty();
	}

	private void tag(int index, String tag) {
		this.jdbc.sql("update official_account set tags = array_append(tags, ?) where id = ?")
			.params(tag, this.scene.accountIds().get(index))
			.update();
	}

	private String accountId(int index) {
		return this.scene.app().accounts().get(index).accountId();
	}

}
