package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.herald.chatapp.ChatApps;
import dev.herald.delivery.TestBroadcasts;
import dev.herald.officialaccount.Audiences;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Predicts a schedule before it is saved: fire times, run durations under the app's rate
 * limit and the per-OA limits, and conflicts with the per-OA quota against every other
 * campaign that may still fire and the sends of the last hour (runs and test sends).
 */
@Component
class CampaignPlanner {

	/** How far ahead fires are checked against the quota. */
	static final Duration HORIZON = Duration.ofDays(62);

	/** How many of a schedule's fires are checked at most. */
	static final int MAX_FIRES = 400;

	static final int SHOWN_FIRES = 5;

	private static final Set<CampaignStatus> MAY_FIRE = EnumSet.of(CampaignStatus.SCHEDULED, CampaignStatus.RUNNING,
			CampaignStatus.PAUSED);

	private final CampaignRepository campaigns;

	private final CampaignRunRepository runs;

	private final ChatApps apps;

	private final Audiences audiences;

	private final TestBroadcasts testBroadcasts;

	CampaignPlanner(CampaignRepository campaigns, CampaignRunRepository runs, ChatApps apps, Audiences audiences,
			TestBroadcasts testBroadcasts) {
		this.audiences = audiences;
		this.campaigns = campaigns;
		this.runs = runs;
		this.apps = apps;
		this.testBroadcasts = testBroadcasts;
	}

	/**
	 * Plans a schedule for a set of targets.
	 * @param self the campaign being edited (left out of the comparison), or {@code null}
	 * @param chatAppId the app that sends
	 * @param targets the distinct official accounts
	 * @param schedule when it fires
	 * @param now the current time
	 * @return the plan
	 */
	@Transactional(readOnly = true)
	CampaignPlan plan(@Nullable Long self, long chatAppId, List<String> targets, Schedule schedule, Instant now) {
		int rate = Math.max(1, this.apps.get(chatAppId).rateLimitPerSecond());
		// Shown fires look as far ahead as they need (a one-off next year, a cron that
		// fires on 29 February); the quota is checked over the horizon, and always over
		// the first fire.
		List<Instant> shown = schedule.fires(now, schedule.isRecurring() ? SHOWN_FIRES : 1, Instant.MAX);
		Instant horizon = now.plus(HORIZON);
		if (!shown.isEmpty() && !shown.get(0).isBefore(horizon)) {
			horizon = shown.get(0).plus(QuotaCheck.WINDOW);
		}
		List<Instant> fires = schedule.fires(now, MAX_FIRES, horizon);
		List<Campaign> others = this.campaigns.findByStatusIn(MAY_FIRE)
			.stream()
			.filter((other) -> self == null || other.id() != self)
			.filter((other) -> other.getChatAppId() == chatAppId)
			.toList();
		List<QuotaCheck.Broadcasts> broadcasts = new ArrayList<>();
		Set<String> mine = new HashSet<>(targets);
		if (!fires.isEmpty()) {
			Instant from = fires.get(0).minus(QuotaCheck.WINDOW);
			Instant until = fires.get(fires.size() - 1).plus(QuotaCheck.WINDOW);
			// The campaigns whose fires come near ours, and the recent runs of the app's
			// campaigns: only their audiences are resolved, all at once, as that is the
			// costly part.
			List<Nearby> candidates = new ArrayList<>();
			for (Campaign other : others) {
				List<Instant> times = other.firesToCome(from.isBefore(now) ? now : from, MAX_FIRES * 8, until)
					.stream()
					.filter((time) -> isNear(time, fires))
					.toList();
				if (!times.isEmpty()) {
					candidates.add(new Nearby(other.id(), other.getLabel(), times));
				}
			}
			candidates.addAll(recentSends(chatAppId, now));
			Map<Long, Set<String>> members = this.audiences.membersOf(chatAppId,
					this.campaigns.sourcesOf(candidates.stream().map(Nearby::campaignId).distinct().toList()));
			for (Nearby candidate : candidates) {
				Set<String> shared = members.getOrDefault(candidate.campaignId(), Set.of())
					.stream()
					.filter(mine::contains)
					.collect(Collectors.toSet());
				if (!shared.isEmpty()) {
					broadcasts.add(new QuotaCheck.Broadcasts(candidate.campaignId(), candidate.label(), shared,
							candidate.times()));
				}
			}
			broadcasts.addAll(recentTestSends(chatAppId, mine, now));
		}
		List<QuotaCheck.Conflict> conflicts = QuotaCheck.conflicts(targets, fires, broadcasts);
		List<CampaignPlan.Forecast> forecasts = new ArrayList<>();
		for (Instant fire : shown) {
			forecasts.add(forecast(fire, targets.size(), rate, chatAppId, others, self));
		}
		// A refusal says how often the schedule fires, which tells at once why a cron
		// such as "every second" can never keep the quota.
		int perDay = conflicts.isEmpty() ? 0 : schedule.firesPerDay();
		return new CampaignPlan(forecasts, conflicts, schedule.skippedDays(now, 366), targets.size(), rate,
				fires.size(), perDay);
	}

	/**
	 * A run makes one call per official account, at most {@code rate} calls per second
	 * for the whole app; other runs of the same app that start within its duration share
	 * that rate. Per OA, one call per run keeps within one call per second, and the quota
	 * check keeps within two broadcasts an hour, so neither lengthens a run that is not
	 * refused.
	 */
	private CampaignPlan.Forecast forecast(Instant fire, int targets, int rate, long chatAppId, List<Campaign> others,
			@Nullable Long self) {
		long calls = targets;
		Duration alone = seconds(calls, rate);
		for (Campaign other : others) {
			if (other.getChatAppId() != chatAppId) {
				continue;
			}
			Duration theirs = seconds(other.getTargetCount(), rate);
			boolean overlaps = !other.schedule()
				.fires(fire.minus(theirs), 1, fire.plus(alone).plusSeconds(1))
				.isEmpty();
			if (overlaps) {
				calls += other.getTargetCount();
			}
		}
		Duration duration = seconds(calls, rate);
		return new CampaignPlan.Forecast(fire, duration, fire.plus(duration));
	}

	/**
	 * The runs of the last hour of the app's campaigns (this one's too), by campaign; the
	 * accounts they shared are left for the caller.
	 */
	private List<Nearby> recentSends(long chatAppId, Instant now) {
		List<CampaignRun> recent = this.runs.findByFiredAtAfterAndStatusNot(now.minus(QuotaCheck.WINDOW),
				RunStatus.MISSED);
		Map<Long, List<Instant>> byCampaign = recent.stream()
			.collect(Collectors.groupingBy(CampaignRun::getCampaignId,
					Collectors.mapping(CampaignRun::getFiredAt, Collectors.toList())));
		Map<Long, Campaign> campaigns = this.campaigns.findAllById(byCampaign.keySet())
			.stream()
			.filter((campaign) -> campaign.getChatAppId() == chatAppId)
			.collect(Collectors.toMap(Campaign::id, (campaign) -> campaign));
		List<Nearby> sends = new ArrayList<>();
		byCampaign.forEach((campaignId, times) -> {
			Campaign campaign = campaigns.get(campaignId);
			if (campaign != null) {
				sends.add(new Nearby(campaignId, campaign.getLabel(), times));
			}
		});
		return sends;
	}

	/**
	 * Test sends of the last hour to the targets: one entry per account, since each has
	 * its own times.
	 */
	private List<QuotaCheck.Broadcasts> recentTestSends(long chatAppId, Set<String> mine, Instant now) {
		Map<String, List<Instant>> byAccount = this.testBroadcasts.since(chatAppId, now.minus(QuotaCheck.WINDOW))
			.stream()
			.filter((sent) -> mine.contains(sent.officialAccount()))
			.collect(Collectors.groupingBy(TestBroadcasts.Sent::officialAccount,
					Collectors.mapping(TestBroadcasts.Sent::at, Collectors.toList())));
		List<QuotaCheck.Broadcasts> sends = new ArrayList<>();
		byAccount.forEach((account, times) -> sends
			.add(new QuotaCheck.Broadcasts(QuotaCheck.TEST_SENDS, "", Set.of(account), times)));
		return sends;
	}

	/**
	 * A campaign's broadcasts that may share an hour with ours, before its audience is
	 * resolved.
	 */
	private record Nearby(long campaignId, String label, List<Instant> times) {

	}

	private static boolean isNear(Instant time, List<Instant> fires) {
		// fires is sorted: find the first fire not before time - 1h
		int low = 0;
		int high = fires.size();
		Instant from = time.minus(QuotaCheck.WINDOW);
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (fires.get(mid).isBefore(from)) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low < fires.size() && fires.get(low).isBefore(time.plus(QuotaCheck.WINDOW));
	}

	private static Duration seconds(long calls, int rate) {
		return Duration.ofSeconds(Math.max(1, (calls + rate - 1) / rate));
	}

}
