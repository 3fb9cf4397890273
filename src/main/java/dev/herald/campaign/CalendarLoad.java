package dev.herald.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How close each fire in the calendar comes to the per-OA quota: the broadcasts in its
 * clock hour (in the viewer's zone) to the busiest of its official accounts, counting the
 * fires of every campaign of the same app that shares the account.
 */
final class CalendarLoad {

	private CalendarLoad() {
	}

	/**
	 * A campaign's fires in the calendar and the accounts they go to.
	 *
	 * @param campaign the campaign
	 * @param fires its fires
	 * @param members the {@code @TOA#_} ids its audience resolves to
	 */
	record Firing(ScheduledCampaign campaign, List<Instant> fires, Set<String> members) {

	}

	/**
	 * Every fire, with the broadcasts its busiest account gets in the same hour.
	 * @param firings the campaigns' fires
	 * @param zone the viewer's zone, whose clock hours count
	 * @return the fires, earliest first
	 */
	static List<CalendarFire> of(List<Firing> firings, ZoneId zone) {
		Map<Long, Set<String>> members = new HashMap<>();
		// The campaigns of one app that fire in one clock hour, with how often each does.
		Map<Hour, Map<Long, Integer>> hours = new HashMap<>();
		for (Firing firing : firings) {
			members.put(firing.campaign().id(), firing.members());
			for (Instant at : firing.fires()) {
				hours.computeIfAbsent(Hour.of(firing.campaign(), at, zone), (key) -> new HashMap<>())
					.merge(firing.campaign().id(), 1, Integer::sum);
			}
		}
		Map<Hour, Map<Long, Integer>> busiest = new HashMap<>();
		hours.forEach((hour, fires) -> busiest.put(hour, busiest(fires, members)));
		List<CalendarFire> result = new ArrayList<>();
		for (Firing firing : firings) {
			ScheduledCampaign campaign = firing.campaign();
			for (Instant at : firing.fires()) {
				result.add(new CalendarFire(campaign.id(), campaign.label(), campaign.chatAppId(), at,
						busiest.get(Hour.of(campaign, at, zone)).get(campaign.id())));
			}
		}
		result.sort(Comparator.comparing(CalendarFire::at));
		return result;
	}

	/**
	 * For each campaign firing in one hour, the broadcasts its busiest account gets in
	 * that hour; 0 for a campaign whose audience is empty now.
	 */
	private static Map<Long, Integer> busiest(Map<Long, Integer> fires, Map<Long, Set<String>> members) {
		Map<String, Integer> perAccount = new HashMap<>();
		fires.forEach((campaignId, count) -> members.get(campaignId)
			.forEach((account) -> perAccount.merge(account, count, Integer::sum)));
		Map<Long, Integer> busiest = new HashMap<>();
		fires.keySet()
			.forEach((campaignId) -> busiest.put(campaignId,
					members.get(campaignId).stream().mapToInt(perAccount::get).max().orElse(0)));
		return busiest;
	}

	/** A clock hour in the viewer's zone, for one app. */
	private record Hour(long chatAppId, Instant start) {

		static Hour of(ScheduledCampaign campaign, Instant at, ZoneId zone) {
			return new Hour(campaign.chatAppId(), at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant());
		}

	}

}
