package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.herald.campaign.QuotaCheck.Broadcasts;
import dev.herald.campaign.QuotaCheck.CampaignRef;
import dev.herald.campaign.QuotaCheck.Conflict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaCheckTests {

	private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");

	@Test
	void twoBroadcastsWithinAnHourAreFine() {
		List<Conflict> conflicts = QuotaCheck.conflicts(List.of("@TOA#_a"), List.of(T),
				List.of(new Broadcasts(7, "Morning news", Set.of("@TOA#_a"), List.of(T.plusSeconds(600)))));
		assertThat(conflicts).isEmpty();
	}

	@Test
	void aThirdBroadcastWithinAnHourToTheSameAccountConflictsAndNamesTheOthers() {
		List<Conflict> conflicts = QuotaCheck.conflicts(List.of("@TOA#_a", "@TOA#_b"), List.of(T.plusSeconds(1800)),
				List.of(new Broadcasts(7, "Morning news", Set.of("@TOA#_a"), List.of(T)),
						new Broadcasts(8, "Flash sale", Set.of("@TOA#_a", "@TOA#_c"), List.of(T.plusSeconds(3000))),
						new Broadcasts(9, "Elsewhere", Set.of("@TOA#_z"), List.of(T.plusSeconds(900)))));
		assertThat(conflicts).singleElement().satisfies((conflict) -> {
			assertThat(conflict.at()).isEqualTo(T.plusSeconds(1800));
			assertThat(conflict.others()).containsExactly(new CampaignRef(7, "Morning news"),
					new CampaignRef(8, "Flash sale"));
			assertThat(conflict.accounts()).isEqualTo(1);
			assertThat(conflict.example()).isEqualTo("@TOA#_a");
		});
	}

	@Test
	void anHourApartIsAllowedAgain() {
		List<Conflict> conflicts = QuotaCheck.conflicts(List.of("@TOA#_a"), List.of(T.plus(Duration.ofHours(1))),
				List.of(new Broadcasts(7, "x", Set.of("@TOA#_a"), List.of(T, T.plusSeconds(60)))));
		assertThat(conflicts).isEmpty();
	}

	@Test
	void aScheduleFiringMoreThanTwiceAnHourConflictsWithItself() {
		Schedule every20Minutes = Schedule.cron("0 0/20 * * * ?", ZoneId.of("Europe/Berlin"), null);
		List<Instant> fires = every20Minutes.fires(T, 10, Instant.MAX);
		List<Conflict> conflicts = QuotaCheck.conflicts(List.of("@TOA#_a"), fires, List.of());
		assertThat(conflicts).isNotEmpty();
		assertThat(conflicts.get(0).at()).isEqualTo(T.plusSeconds(2400));
		assertThat(conflicts.get(0).others()).isEmpty();
	}

	@Test
	void recentSendsCountToo() {
		List<Conflict> conflicts = QuotaCheck.conflicts(List.of("@TOA#_a"), List.of(T), List.of(new Broadcasts(3,
				"Sent a minute ago", Set.of("@TOA#_a"), List.of(T.minusSeconds(60), T.minusSeconds(120)))));
		assertThat(conflicts).singleElement()
			.satisfies((conflict) -> assertThat(conflict.others())
				.containsExactly(new CampaignRef(3, "Sent a minute ago")));
	}

	@Test
	void countsEveryAffectedAccountOnce() {
		List<String> targets = List.of("@TOA#_a", "@TOA#_b", "@TOA#_c");
		List<Conflict> conflicts = QuotaCheck.conflicts(targets, List.of(T, T.plusSeconds(60), T.plusSeconds(120)),
				List.of());
		assertThat(conflicts).singleElement().satisfies((conflict) -> assertThat(conflict.accounts()).isEqualTo(3));
	}

	@Test
	void recentTestSendsCountButNameNoCampaign() {
		List<Conflict> conflicts = QuotaCheck.conflicts(List.of("@TOA#_a"), List.of(T),
				List.of(new Broadcasts(QuotaCheck.TEST_SENDS, "", Set.of("@TOA#_a"),
						List.of(T.minusSeconds(600), T.minusSeconds(300)))));
		assertThat(conflicts).singleElement().satisfies((conflict) -> {
			assertThat(conflict.others()).isEmpty();
			assertThat(conflict.testSends()).isTrue();
		});
	}

}
