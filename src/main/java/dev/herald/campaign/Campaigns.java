package dev.herald.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.herald.audit.AuditEntry;
import dev.herald.audit.AuditLog;
import dev.herald.officialaccount.Audience;
import dev.herald.officialaccount.AudienceSource;
import dev.herald.officialaccount.Audiences;
import dev.herald.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading campaigns: the dashboard's next sends and running campaigns, the list, one
 * campaign's page, and the calendar of upcoming fires.
 */
@Service
public class Campaigns {

	private static final Set<CampaignStatus> UPCOMING = EnumSet.of(CampaignStatus.SCHEDULED, CampaignStatus.RUNNING);

	/** How many fires of one campaign the calendar shows at most. */
	private static final int CALENDAR_FIRES = 500;

	private final CampaignRepository campaigns;

	private final CampaignRunRepository runs;

	private final AuditLog audit;

	private final Clock clock;

	private final Audiences audiences;

	private final CampaignOverviews overviews;

	Campaigns(CampaignRepository campaigns, CampaignRunRepository runs, AuditLog audit, Clock clock,
			Audiences audiences, CampaignOverviews overviews) {
		this.audiences = audiences;
		this.overviews = overviews;
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
		// Recurring and "now" campaigns may fire any time; of the one-offs, only the
		// earliest can be among the next sends.
		List<ScheduledCampaign> candidates = new ArrayList<>(this.campaigns.findOpenEnded(UPCOMING, now));
		candidates.addAll(this.campaigns.findOneOffsDueFrom(UPCOMING, now, Limit.of(limit)));
		List<UpcomingSend> sends = new ArrayList<>();
		for (ScheduledCampaign campaign : candidates) {
			for (Instant at : campaign.fires(now, limit, Instant.MAX)) {
				sends.add(new UpcomingSend(campaign.id(), campaign.label(), campaign.chatAppId(), at,
						campaign.targetCount()));
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
		return this.overviews.inStatus(EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.PAUSED));
	}

	/**
	 * Campaigns with a fire missed in the last week, so the operator hears of it.
	 * @return campaigns with a recent MISSED run, latest first
	 */
	@Transactional(readOnly = true)
	public List<CampaignOverview> recentlyMissed() {
		return this.overviews.missedSince(this.clock.instant().minus(Duration.ofDays(7)));
	}

	/**
	 * One page of the campaign list, newest first.
	 */
	@Transactional(readOnly = true)
	Page<CampaignOverview> list(CampaignFilter filter, Pageable pageable) {
		return this.overviews.page(filter, pageable);
	}

	@Transactional(readOnly = true)
	CampaignDetail detail(long id) {
		Campaign campaign = this.campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign", id));
		List<Instant> next = nextFires(campaign, this.clock.instant());
		List<AuditEntry> timeline = this.audit.timeline("campaign", id);
		return new CampaignDetail(campaign.id(), campaign.getLabel(), campaign.getChatAppId(), campaign.getStatus(),
				campaign.schedule(), campaign.getLateFireMinutes(), campaign.getDraftId(), campaign.getDraftVersionId(),
				campaign.getDraftVersionNumber(), campaign.getDraftTitle(), campaign.getContentHash(),
				campaign.sources(), audienceNow(campaign), campaign.getTargetCount(), next,
				this.runs.findByCampaignIdOrderByScheduledForDesc(id).stream().map(CampaignDetail.Run::of).toList(),
				timeline, campaign.getCreatedBy(), campaign.getCreatedAt(), campaign.getVersion(),
				campaign.getArchivedAt() != null);
	}

	/**
	 * What the campaign page follows without reload: the campaign's state and its runs
	 * from one run on, in two small queries however many runs it has.
	 * @param fromRunId the first run to read (see {@link CampaignLive#followFrom})
	 */
	@Transactional(readOnly = true)
	CampaignLive live(long id, long fromRunId) {
		Campaign campaign = this.campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign", id));
		Instant now = this.clock.instant();
		return new CampaignLive(campaign.id(), campaign.getLabel(), campaign.getStatus(),
				campaign.getArchivedAt() != null, nextFires(campaign, now),
				this.runs.findByCampaignIdAndIdGreaterThanEqualOrderByScheduledForDesc(id, fromRunId)
					.stream()
					.map(CampaignDetail.Run::of)
					.toList(),
				CampaignLive.following(campaign.getStatus(), campaign.getNextFireAt(), now));
	}

	private static List<Instant> nextFires(Campaign campaign, Instant now) {
		return campaign.mayFire() || campaign.getStatus() == CampaignStatus.PAUSED
				? campaign.schedule().fires(now, campaign.isRecurring() ? 5 : 1, Instant.MAX) : List.of();
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
	 * @param chatAppId only this app's campaigns, or {@code null}
	 * @param zone the viewer's zone, whose clock hours count
	 */
	@Transactional(readOnly = true)
	List<CalendarFire> calendar(Instant from, Instant until, @Nullable Long chatAppId, ZoneId zone) {
		Instant start = from.isBefore(this.clock.instant()) ? this.clock.instant() : from;
		Map<ScheduledCampaign, List<Instant>> fires = new LinkedHashMap<>();
		for (ScheduledCampaign campaign : this.campaigns.findFiringBetween(UPCOMING, chatAppId, start, until)) {
			List<Instant> times = campaign.fires(start, CALENDAR_FIRES, until);
			if (!times.isEmpty()) {
				fires.put(campaign, times);
			}
		}
		Map<Long, Set<String>> members = members(fires.keySet());
		return CalendarLoad.of(fires.entrySet()
			.stream()
			.map((entry) -> new CalendarLoad.Firing(entry.getKey(), entry.getValue(),
					members.getOrDefault(entry.getKey().id(), Set.of())))
			.toList(), zone);
	}

	/**
	 * Whom each of the campaigns sends to now: their sources in one query, their members
	 * in a few per app.
	 */
	private Map<Long, Set<String>> members(Collection<ScheduledCampaign> campaigns) {
		if (campaigns.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<AudienceSource>> sources = this.campaigns
			.sourcesOf(campaigns.stream().map(ScheduledCampaign::id).toList());
		Map<Long, Set<String>> members = new HashMap<>();
		campaigns.stream()
			.collect(Collectors.groupingBy(ScheduledCampaign::chatAppId))
			.forEach((app,
					ofApp) -> members.putAll(this.audiences.membersOf(app,
							ofApp.stream()
								.collect(Collectors.toMap(ScheduledCampaign::id,
										(campaign) -> sources.getOrDefault(campaign.id(), List.of()))))));
		return members;
	}

}
