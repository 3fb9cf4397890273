package dev.herald.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface CampaignRunRepository extends ListCrudRepository<CampaignRun, Long> {

	boolean existsByCampaignIdAndScheduledFor(long campaignId, Instant scheduledFor);

	List<CampaignRun> findByCampaignIdOrderByScheduledForDesc(long campaignId);

	List<CampaignRun> findByCampaignIdAndStatus(long campaignId, RunStatus status);

	List<CampaignRun> findByFiredAtAfterAndStatusNot(Instant after, RunStatus status);

	List<CampaignRun> findByStatusAndFiredAtAfterOrderByFiredAtDesc(RunStatus status, Instant after);

	Optional<CampaignRun> findByDeliveryRunId(long deliveryRunId);

	long countByCampaignId(long campaignId);

}
