package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tencent's per-OA quota, checked before a campaign is saved: an official account takes
 * at most two broadcasts in any rolling hour. Each fire of a campaign is one broadcast to
 * each of its targets. A schedule is refused when, for some target, it would make a third
 * broadcast within an hour - with its own fires, with other campaigns' fires, or with
 * recent sends.
 */
final class QuotaCheck {

	static final Duration WINDOW = Duration.ofHours(1);

	static final int BROADCASTS_PER_WINDOW = 2;

	/**
	 * The campaign id of recent test sends: they count like any broadcast, but there is
	 * no campaign to name.
	 */
	static final long TEST_SENDS = -1;

	private QuotaCheck() {
	}

	/**
	 * Fires (or recent sends) of another campaign.
	 *
	 * @param campaignId the campaign
	 * @param label its label
	 * @param targets the official accounts it sends to
	 * @param times its fires (or recent sends) near the candidate's fires
	 */
	record Broadcasts(long campaignId, String label, Set<String> targets, List<Instant> times) {

	}

	/**
	 * A third broadcast within an hour.
	 *
	 * @param at the candidate's fire that breaks the quota
	 * @param others the other campaigns whose broadcasts fall into the same hour, empty
	 * when the candidate breaks it on its own
	 * @param accounts how many of the candidate's targets are affected
	 * @param example one affected official account
	 * @param testSends whether recent test sends fall into the same hour
	 */
	record Conflict(Instant at, List<CampaignRef> others, int accounts, String example, boolean testSends) {

	}

	/** A campaign named in a conflict. */
	record CampaignRef(long id, String label) {

	}

	/**
	 * Every fire of the candidate that would be a third broadcast within an hour to one
	 * of its targets.
	 * @param targets the candidate's official accounts
	 * @param fires the candidate's fires
	 * @param others other campaigns' fires and recent sends
	 * @return the conflicts, earliest first; empty when the schedule keeps the quota
	 */
	static List<Conflict> conflicts(Collection<String> targets, List<Instant> fires, List<Broadcasts> others) {
		// Targets that share the same set of other campaigns behave alike: check each set
		// once.
		Map<Set<Integer>, List<String>> bySharing = new LinkedHashMap<>();
		for (String target : new TreeSet<>(targets)) {
			Set<Integer> sharing = new LinkedHashSet<>();
			for (int i = 0; i < others.size(); i++) {
				if (others.get(i).targets().contains(target)) {
					sharing.add(i);
				}
			}
			bySharing.computeIfAbsent(sharing, (key) -> new ArrayList<>()).add(target);
		}
		Map<Instant, Found> conflicts = new LinkedHashMap<>();
		for (Map.Entry<Set<Integer>, List<String>> entry : bySharing.entrySet()) {
			List<Stamp> stamps = new ArrayList<>();
			fires.forEach((fire) -> stamps.add(new Stamp(fire, -1)));
			for (int index : entry.getKey()) {
				others.get(index).times().forEach((time) -> stamps.add(new Stamp(time, index)));
			}
			stamps.sort(Comparator.comparing(Stamp::at).thenComparing(Stamp::source));
			for (int i = 0; i + BROADCASTS_PER_WINDOW < stamps.size(); i++) {
				List<Stamp> window = stamps.subList(i, i + BROADCASTS_PER_WINDOW + 1);
				Instant first = window.get(0).at();
				Instant last = window.get(window.size() - 1).at();
				if (!last.isBefore(first.plus(WINDOW)) || window.stream().noneMatch(Stamp::isCandidate)) {
					continue;
				}
				Instant at = window.stream().filter(Stamp::isCandidate).reduce((a, b) -> b).orElseThrow().at();
				List<CampaignRef> named = new ArrayList<>();
				window.stream()
					.filter((stamp) -> !stamp.isCandidate())
					.map((stamp) -> others.get(stamp.source()))
					.map((broadcasts) -> new CampaignRef(broadcasts.campaignId(), broadcasts.label()))
					.distinct()
					.forEach(named::add);
				Found found = conflicts.computeIfAbsent(at, (key) -> new Found(entry.getValue().get(0)));
				found.testSends |= named.removeIf((ref) -> ref.id() == TEST_SENDS);
				found.others.addAll(named);
				if (found.groups.add(entry.getKey())) {
					found.accounts += entry.getValue().size();
				}
			}
		}
		return conflicts.entrySet()
			.stream()
			.map((found) -> new Conflict(found.getKey(), List.copyOf(found.getValue().others),
					found.getValue().accounts, found.getValue().example, found.getValue().testSends))
			.sorted(Comparator.comparing(Conflict::at))
			.toList();
	}

	private static final class Found {

		private final Set<CampaignRef> others = new LinkedHashSet<>();

		private final Set<Set<Integer>> groups = new LinkedHashSet<>();

		private final String example;

		private int accounts;

		private boolean testSends;

		Found(String example) {
			this.example = example;
		}

	}

	private record Stamp(Instant at, int source) {

		boolean isCandidate() {
			return this.source < 0;
		}

	}

}
