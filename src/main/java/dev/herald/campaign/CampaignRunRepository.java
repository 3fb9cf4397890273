package dev.herald.campaign;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface CampaignRunRepository extends ListCrudRepository<CampaignRun, Long> {

	boolean existsByCampaignIdAndScheduledFor(long campaignId, Instant scheduledFor);

	List<CampaignRun> findByCampaignIdOrderByScheduledForDesc(long campaignId);

	List<CampaignRun> findByCampaignIdAndIdGreaterThanEqualOrderByScheduledForDesc(long campaignId, long fromId);

	List<CampaignRun> findByCampaignIdAndStatus(long campaignId, RunStatus status);

	List<CampaignRun> findByFiredAtAfterAndStatusNot(Instant after, RunStatus status);

	List<CampaignRun> findByStatusAndFiredAtAfterOrderByFiredAtDesc(RunStatus status, Instant after);

	Optional<CampaignRun> findByDeliveryRunId(long deliveryRunId);

	long countByCampaignId(long campaignId);

	List<CampaignRun> findByCampaignIdInAndStatus(Collection<Long> campaignIds, RunStatus status);

	/** The latest fired run of each of the campaigns, in one query (ties: any). */
	@Query("""
			select r from CampaignRun r where r.campaignId in :ids
			and r.firedAt = (select max(o.firedAt) from CampaignRun o where o.campaignId = r.campaignId)""")
	List<CampaignRun> findLatestOf(@Param("ids") Collection<Long> ids);

}
