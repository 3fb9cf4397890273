package dev.herald.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.herald.officialaccount.AudienceSource;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface CampaignRepository extends ListCrudRepository<Campaign, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Campaign c where c.id = :id")
	Optional<Campaign> findForUpdate(long id);

	List<Campaign> findByStatusIn(Collection<CampaignStatus> statuses);

	Optional<Campaign> findBySubmissionToken(String submissionToken);

	/**
	 * The campaigns in one of the statuses whose schedule can fire in
	 * {@code [from, until)}: a one-off due in the range ("now" campaigns fire whenever
	 * they are looked at), a recurring one not ended before it. {@link Schedule#fires}
	 * tells the exact fires.
	 * @param app only this app's campaigns, or {@code null} for every app's
	 */
	default List<ScheduledCampaign> findFiringBetween(Collection<CampaignStatus> statuses, @Nullable Long app,
			Instant from, Instant until) {
		return findFiringBetween(statuses, app, from, until, lastEndDate(from), ScheduleKind.RECURRING);
	}

	@Query("""
			select new dev.herald.campaign.ScheduledCampaign(c.id, c.label, c.chatAppId, c.targetCount, c.schedule)
			from Campaign c
			where c.status in :statuses and (:app is null or c.chatAppId = :app)
			and ((c.schedule.kind in :recurring and (c.schedule.endDate is null or c.schedule.endDate >= :lastEndDate))
			  or (c.schedule.kind not in :recurring and c.schedule.fireAt < :until
			    and (c.schedule.kind = dev.herald.campaign.ScheduleKind.NOW or c.schedule.fireAt >= :from)))""")
	List<ScheduledCampaign> findFiringBetween(@Param("statuses") Collection<CampaignStatus> statuses,
			@Param("app") @Nullable Long app, @Param("from") Instant from, @Param("until") Instant until,
			@Param("lastEndDate") LocalDate lastEndDate, @Param("recurring") Collection<ScheduleKind> recurring);

	/**
	 * The campaigns in one of the statuses that may fire any time after {@code from}: the
	 * recurring ones not ended before it, and the "now" ones.
	 */
	default List<ScheduledCampaign> findOpenEnded(Collection<CampaignStatus> statuses, Instant from) {
		return findOpenEnded(statuses, lastEndDate(from), ScheduleKind.RECURRING);
	}

	@Query("""
			select new dev.herald.campaign.ScheduledCampaign(c.id, c.label, c.chatAppId, c.targetCount, c.schedule)
			from Campaign c
			where c.status in :statuses
			and ((c.schedule.kind in :recurring and (c.schedule.endDate is null or c.schedule.endDate >= :lastEndDate))
			  or c.schedule.kind = dev.herald.campaign.ScheduleKind.NOW)""")
	List<ScheduledCampaign> findOpenEnded(@Param("statuses") Collection<CampaignStatus> statuses,
			@Param("lastEndDate") LocalDate lastEndDate, @Param("recurring") Collection<ScheduleKind> recurring);

	/**
	 * The one-offs due at or after an instant, earliest first.
	 */
	@Query("""
			select new dev.herald.campaign.ScheduledCampaign(c.id, c.label, c.chatAppId, c.targetCount, c.schedule)
			from Campaign c
			where c.status in :statuses and c.schedule.kind = dev.herald.campaign.ScheduleKind.ONCE
			and c.schedule.fireAt >= :from
			order by c.schedule.fireAt, c.id""")
	List<ScheduledCampaign> findOneOffsDueFrom(@Param("statuses") Collection<CampaignStatus> statuses,
			@Param("from") Instant from, Limit limit);

	/**
	 * The audience sources of each of the campaigns, in their order, in one query.
	 * @return by campaign id; a campaign without sources has no entry
	 */
	default Map<Long, List<AudienceSource>> sourcesOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return findSources(ids).stream()
			.collect(Collectors.groupingBy(CampaignSourceRow::campaignId,
					Collectors.mapping(CampaignSourceRow::source, Collectors.toList())));
	}

	/** The audience sources of each of the campaigns, in their order. */
	@Query("""
			select new dev.herald.campaign.CampaignSourceRow(c.id, t.kind, t.refId, t.tag)
			from Campaign c join c.targets t where c.id in :ids order by c.id, index(t)""")
	List<CampaignSourceRow> findSources(@Param("ids") Collection<Long> ids);

	/**
	 * The earliest end date with which a recurring schedule may still fire at or after an
	 * instant. An end date is a local date in the campaign's zone: a day's margin covers
	 * every zone's offset.
	 */
	private static LocalDate lastEndDate(Instant from) {
		return from.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
	}

}
