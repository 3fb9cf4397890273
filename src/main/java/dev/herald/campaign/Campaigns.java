package dev.herald.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.audit.AuditEntry;
import dev.herald.audit.AuditLog;
import dev.herald.officialaccount.Audience;
import dev.herald.officialaccount.Audiences;
import dev.herald.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading campaigns: the dashboard's next sends and running campaigns, the list, one
 * campaign's page, and the calendar of upcoming fires.
 */
@Service
public class Campaigns {

	private static final Set<CampaignStatus> UPCOMING = EnumSet.of(CampaignStatus.SCHEDULED, CampaignStatus.RUNNING);

	private final CampaignRepository campaigns;

	private final CampaignRunRepository runs;

	private final AuditLog audit;

	private final Clock clock;

	private final Audiences audiences;

	Campaigns(CampaignRepository campaigns, CampaignRunRepository runs, AuditLog audit, Clock clock,
			Audiences audiences) {
		this.audiences = audiences;
		this.campaigns = campaigns;
		this.runs = runs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The next fires of every campaign that may fire, earliest first.
	 * @param limit how many
	 * @return upcoming sends
	 */
	@Transactional(readOnly = true)
	public List<UpcomingSend> upcoming(int limit) {
		Instant now = this.clock.instant();
		List<UpcomingSend> sends = new ArrayList<>();
		for (Campaign campaign : this.campaigns.findByStatusIn(UPCOMING)) {
			for (Instant at : campaign.schedule().fires(now, limit, Instant.MAX)) {
				sends.add(new UpcomingSend(campaign.id(), campaign.getLabel(), campaign.getChatAppId(), at,
						campaign.getTargetCount()));
			}
		}
		return sends.stream().sorted(Comparator.comparing(UpcomingSend::at)).limit(limit).toList();
	}

	/**
	 * Campaigns sending now or paused in the middle of a run.
	 * @return running and paused campaigns
	 */
	@Transactional(readOnly = true)
	public List<CampaignOverview> running() {
		return overviews(this.campaigns.findByStatusIn(EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.PAUSED)));
	}

	/**
	 * Campaigns with a fire missed in the last week, so the operator hears of it.
	 * @return campaigns with a recent MISSED run, latest first
	 */
	@Transactional(readOnly = true)
	public List<CampaignOverview> recentlyMissed() {
		List<CampaignRun> missed = this.runs.findByStatusAndFiredAtAfterOrderByFiredAtDesc(RunStatus.MISSED,
				this.clock.instant().minus(Duration.ofDays(7)));
		List<Long> ids = missed.stream().map(CampaignRun::getCampaignId).distinct().toList();
		return overviews(this.campaigns.findAllById(ids));
	}

	@Transactional(readOnly = true)
	List<CampaignOverview> search(@Nullable CampaignStatus status, @Nullable Long chatAppId, String text,
			boolean archived) {
		String needle = text.toLowerCase(Locale.ROOT);
		return overviews(this.campaigns.findAllByOrderByCreatedAtDesc()
			.stream()
			.filter((campaign) -> archived == (campaign.getArchivedAt() != null))
			.filter((campaign) -> status == null || campaign.getStatus() == status)
			.filter((campaign) -> chatAppId == null || campaign.getChatAppId() == chatAppId)
			.filter((campaign) -> needle.isEmpty() || campaign.getLabel().toLowerCase(Locale.ROOT).contains(needle)
					|| campaign.getDraftTitle().toLowerCase(Locale.ROOT).contains(needle))
			.toList());
	}

	@Transactional(readOnly = true)
	CampaignDetail detail(long id) {
		Campaign campaign = this.campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign", id));
		Instant now = this.clock.instant();
		List<Instant> next = campaign.mayFire() || campaign.getStatus() == CampaignStatus.PAUSED
				? campaign.schedule().fires(now, campaign.isRecurring() ? 5 : 1, Instant.MAX) : List.of();
		List<AuditEntry> timeline = this.audit.timeline("campaign", id);
		return new CampaignDetail(campaign.id(), campaign.getLabel(), campaign.getChatAppId(), campaign.getStatus(),
				campaign.schedule(), campaign.getLateFireMinutes(), campaign.getDraftId(), campaign.getDraftVersionId(),
				campaign.getDraftVersionNumber(), campaign.getDraftTitle(), campaign.getContentHash(),
				campaign.sources(), audienceNow(campaign), campaign.getTargetCount(), next,
				this.runs.findByCampaignIdOrderByScheduledForDesc(id).stream().map(CampaignDetail.Run::of).toList(),
				timeline, campaign.getCreatedBy(), campaign.getCreatedAt(), campaign.getVersion(),
				campaign.getArchivedAt() != null);
	}

	private @Nullable Audience audienceNow(Campaign campaign) {
		try {
			return this.audiences.measure(campaign.getChatAppId(), campaign.sources());
		}
		catch (IllegalArgumentException ex) {
			// A source that no longer resolves (a deleted group): the page still shows.
			return null;
		}
	}

	/**
	 * Upcoming fires between two instants, with the busiest official account's broadcasts
	 * in each hour that has a fire.
	 */
	@Transactional(readOnly = true)
	List<CalendarFire> calendar(Instant from, Instant until, @Nullable Long chatAppId, ZoneId zone) {
		Instant start = from.isBefore(this.clock.instant()) ? this.clock.instant() : from;
		List<Campaign> candidates = this.campaigns.findByStatusIn(UPCOMING)
			.stream()
			.filter((campaign) -> chatAppId == null || campaign.getChatAppId() == chatAppId)
			.toList();
		Map<Long, Campaign> byId = candidates.stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
		Map<Long, List<Instant>> fires = new HashMap<>();
		for (Campaign campaign : candidates) {
			fires.put(campaign.id(), campaign.schedule().fires(start, 500, until));
		}
		Map<Long, Set<String>> members = new HashMap<>();
		for (Campaign campaign : candidates) {
			if (!fires.get(campaign.id()).isEmpty()) {
				members.put(campaign.id(),
						Set.copyOf(this.audiences.members(campaign.getChatAppId(), campaign.sources())));
			}
		}
		List<CalendarFire> result = new ArrayList<>();
		fires.forEach((campaignId, times) -> {
			Campaign campaign = byId.get(campaignId);
			for (Instant at : times) {
				ZonedDateTime local = at.atZone(zone);
				Instant hourStart = local.truncatedTo(ChronoUnit.HOURS).toInstant();
				int busiest = busiestAccount(campaign, hourStart, fires, byId, members);
				result.add(new CalendarFire(campaignId, campaign.getLabel(), campaign.getChatAppId(), at,
						local.toLocalDate(), busiest));
			}
		});
		result.sort(Comparator.comparing(CalendarFire::at));
		return result;
	}

	private static int busiestAccount(Campaign campaign, Instant hourStart, Map<Long, List<Instant>> fires,
			Map<Long, Campaign> byId, Map<Long, Set<String>> members) {
		Instant hourEnd = hourStart.plus(Duration.ofHours(1));
		Map<String, Integer> perAccount = new HashMap<>();
		Set<String> mine = members.getOrDefault(campaign.id(), Set.of());
		fires.forEach((otherId, times) -> {
			long inHour = times.stream().filter((t) -> !t.isBefore(hourStart) && t.isBefore(hourEnd)).count();
			if (inHour == 0 || byId.get(otherId).getChatAppId() != campaign.getChatAppId()) {
				return;
			}
			for (String account : members.getOrDefault(otherId, Set.of())) {
				if (mine.contains(account)) {
					perAccount.merge(account, (int) inHour, Integer::sum);
				}
			}
		});
		return perAccount.values().stream().max(Integer::compare).orElse(0);
	}

	/**
	 * The latest run of each of the campaigns: one query for a whole list, not one per
	 * row.
	 * @param campaignIds the campaigns
	 * @return campaign id to its latest run; campaigns without a run are absent
	 */
	Map<Long, CampaignRun> lastRuns(Collection<Long> campaignIds) {
		if (campaignIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, CampaignRun> latest = new HashMap<>();
		for (CampaignRun run : this.runs.findLatestOf(campaignIds)) {
			latest.merge(run.getCampaignId(), run, (a, b) -> (a.id() > b.id()) ? a : b);
		}
		return latest;
	}

	private List<CampaignOverview> overviews(List<Campaign> list) {
		List<Long> ids = list.stream().map(Campaign::id).toList();
		Map<Long, CampaignRun> lastRuns = lastRuns(ids);
		Map<Long, Instant> lastMissed = ids.isEmpty() ? Map.of()
				: this.runs.findByCampaignIdInAndStatus(ids, RunStatus.MISSED)
					.stream()
					.collect(Collectors.toMap(CampaignRun::getCampaignId, CampaignRun::getScheduledFor,
							(a, b) -> a.isAfter(b) ? a : b));
		return list.stream().map((campaign) -> {
			CampaignRun lastRun = lastRuns.get(campaign.id());
			return new CampaignOverview(campaign.id(), campaign.getLabel(), campaign.getChatAppId(),
					campaign.getStatus(), campaign.schedule().kind().name(), campaign.getTargetCount(),
					campaign.getNextFireAt(), lastMissed.get(campaign.id()),
					(lastRun != null) ? lastRun.getFiredAt() : null,
					(lastRun != null) ? lastRun.getStatus().name() : null);
		}).toList();
	}

}
