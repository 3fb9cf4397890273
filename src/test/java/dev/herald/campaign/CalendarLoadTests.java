package dev.herald.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import dev.herald.campaign.CalendarLoad.Firing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarLoadTests {

	private static final ZoneId UTC = ZoneOffset.UTC;

	@Test
	void twoCampaignsSharingAnAccountInOneClockHourBothReachTheQuota() {
		List<CalendarFire> fires = CalendarLoad.of(List.of(firing(1, 7, Set.of("a", "b"), "10:05"),
				firing(2, 7, Set.of("b", "c"), "10:40"), firing(3, 7, Set.of("d"), "10:20")), UTC);
		assertThat(fires).extracting(CalendarFire::campaignId).containsExactly(1L, 3L, 2L);
		assertThat(fires).extracting(CalendarFire::busiestAccountBroadcasts).containsExactly(2, 1, 2);
		assertThat(fires).extracting(CalendarFire::atQuota).containsExactly(true, false, true);
	}

	@Test
	void firesInNeighbouringClockHoursDoNotCountTogether() {
		List<CalendarFire> fires = CalendarLoad
			.of(List.of(firing(1, 7, Set.of("a"), "10:50"), firing(2, 7, Set.of("a"), "11:10")), UTC);
		assertThat(fires).extracting(CalendarFire::busiestAccountBroadcasts).containsExactly(1, 1);
	}

	@Test
	void campaignsOfAnotherAppDoNotCount() {
		List<CalendarFire> fires = CalendarLoad
			.of(List.of(firing(1, 7, Set.of("a"), "10:05"), firing(2, 8, Set.of("a"), "10:10")), UTC);
		assertThat(fires).extracting(CalendarFire::busiestAccountBroadcasts).containsExactly(1, 1);
	}

	@Test
	void aCampaignsOwnFiresInOneHourCountAndTheBusiestAccountDecides() {
		List<CalendarFire> fires = CalendarLoad.of(List.of(firing(1, 7, Set.of("a", "b"), "10:00", "10:30"),
				firing(2, 7, Set.of("b"), "10:45"), firing(3, 7, Set.of("a", "z"), "12:00")), UTC);
		assertThat(fires).extracting(CalendarFire::busiestAccountBroadcasts).containsExactly(3, 3, 3, 1);
	}

	@Test
	void theClockHoursAreTheViewersEvenWithAHalfHourOffset() {
		// 10:10 and 10:50 in Kolkata (UTC+5:30), but 04:40 and 05:20 in UTC.
		List<Firing> firings = List.of(firing(1, 7, Set.of("a"), "04:40"), firing(2, 7, Set.of("a"), "05:20"));
		assertThat(CalendarLoad.of(firings, ZoneId.of("Asia/Kolkata")))
			.extracting(CalendarFire::busiestAccountBroadcasts)
			.containsExactly(2, 2);
		assertThat(CalendarLoad.of(firings, UTC)).extracting(CalendarFire::busiestAccountBroadcasts)
			.containsExactly(1, 1);
	}

	@Test
	void aCampaignWhoseAudienceIsEmptyNowBurdensNobody() {
		List<CalendarFire> fires = CalendarLoad
			.of(List.of(firing(1, 7, Set.of(), "10:05"), firing(2, 7, Set.of("a"), "10:10")), UTC);
		assertThat(fires).extracting(CalendarFire::busiestAccountBroadcasts).containsExactly(0, 1);
	}

	private static Firing firing(long id, long app, Set<String> members, String... times) {
		ScheduledCampaign campaign = new ScheduledCampaign(id, "Campaign " + id, app, members.size(),
				Schedule.once(at(times[0]), UTC));
		return new Firing(campaign, List.of(times).stream().map(CalendarLoadTests::at).toList(), members);
	}

	private static Instant at(String time) {
		return Instant.parse("2026-05-04T" + time + ":00Z");
	}

}
