package dev.herald.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CampaignRepository extends ListCrudRepository<Campaign, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Campaign c where c.id = :id")
	Optional<Campaign> findForUpdate(long id);

	List<Campaign> findByStatusIn(Collection<CampaignStatus> statuses);

	List<Campaign> findAllByOrderByCreatedAtDesc();

	Optional<Campaign> findBySubmissionToken(String submissionToken);

}
