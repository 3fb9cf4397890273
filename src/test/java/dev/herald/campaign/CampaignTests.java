package dev.herald.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.herald.officialaccount.AudienceSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CampaignTests {

	private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void startsScheduledWithItsFirstFire() {
		Campaign campaign = once();
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.SCHEDULED);
		assertThat(campaign.getNextFireAt()).isEqualTo(NOW.plusSeconds(3600));
		assertThat(campaign.sources()).containsExactly(AudienceSource.account(1), AudienceSource.account(2));
	}

	@Test
	void aOneOffCompletesAfterItsRun() {
		Campaign campaign = once();
		campaign.fired(null, NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.RUNNING);
		campaign.runFinished(false, false, false, NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.COMPLETED);
	}

	@Test
	void aRecurringCampaignGoesBackToScheduledUntilItsLastFire() {
		Campaign campaign = daily();
		Instant next = campaign.schedule().nextFireAfter(NOW);
		campaign.fired(next, NOW);
		campaign.runFinished(false, true, false, NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.SCHEDULED);
		campaign.fired(null, NOW);
		campaign.runFinished(false, true, false, NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.COMPLETED_WITH_FAILURES);
	}

	@Test
	void aOneOffWhoseRunWasCancelledIsCancelledAndARecurringOneFellShort() {
		Campaign once = once();
		once.fired(null, NOW);
		once.runFinished(false, true, true, NOW);
		assertThat(once.getStatus()).isEqualTo(CampaignStatus.CANCELLED);
		Campaign daily = daily();
		daily.fired(null, NOW);
		daily.runFinished(false, true, false, NOW);
		assertThat(daily.getStatus()).isEqualTo(CampaignStatus.COMPLETED_WITH_FAILURES);
	}

	@Test
	void aMissedOneOffIsMissed() {
		Campaign campaign = once();
		campaign.missed(null, false, NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.MISSED);
	}

	@Test
	void pauseAndResumeAreSymmetric() {
		Campaign campaign = daily();
		campaign.pause(NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.PAUSED);
		assertThat(campaign.mayFire()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> campaign.fired(null, NOW)).withMessageContaining("PAUSED");
		campaign.resume(false, false, false, NOW.plusSeconds(60), NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.SCHEDULED);
		campaign.fired(null, NOW);
		campaign.pause(NOW);
		campaign.resume(true, false, false, null, NOW);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.RUNNING);
	}

	@Test
	void aCancelledCampaignNeverFiresAndCannotBeEdited() {
		Campaign campaign = daily();
		campaign.cancel(NOW);
		assertThat(campaign.mayFire()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> campaign.resume(false, false, false, null, NOW))
			.withMessageContaining("CANCELLED");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> campaign.reschedule(Schedule.daily(LocalTime.NOON, BERLIN, null), new LateFirePolicy(5), NOW))
			.withMessageContaining("CANCELLED");
		assertThatIllegalStateException().isThrownBy(() -> campaign.cancel(NOW)).withMessageContaining("CANCELLED");
	}

	@Test
	void aRunningCampaignCannotBeEdited() {
		Campaign campaign = once();
		campaign.fired(null, NOW);
		assertThatIllegalStateException().isThrownBy(() -> campaign.changeContent(content(), NOW))
			.withMessageContaining("RUNNING");
	}

	@Test
	void targetsAreDistinctAndNeverEmpty() {
		assertThat(new Campaign.Targets(
				List.of(AudienceSource.account(2), AudienceSource.wholeApp(), AudienceSource.account(2)), 5)
			.sources()).containsExactly(AudienceSource.account(2), AudienceSource.wholeApp());
		assertThatIllegalArgumentException().isThrownBy(() -> new Campaign.Targets(List.of(), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Campaign.Targets(List.of(AudienceSource.wholeApp()), 0));
	}

	static Campaign.Content content() {
		return new Campaign.Content(1, 2, 1, "Hello", "{\"MsgBody\":[]}", "ab".repeat(32));
	}

	private static Campaign once() {
		return new Campaign("Launch", 1, content(), targets(), Schedule.once(NOW.plusSeconds(3600), BERLIN),
				new LateFirePolicy(15), null, "olivia", NOW);
	}

	private static Campaign daily() {
		return new Campaign("Daily", 1, content(), targets(), Schedule.daily(LocalTime.of(9, 0), BERLIN, null),
				new LateFirePolicy(15), null, "olivia", NOW);
	}

	private static Campaign.Targets targets() {
		return new Campaign.Targets(List.of(AudienceSource.account(1), AudienceSource.account(2)), 2);
	}

}
