package dev.herald.draft;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DraftRepository extends Repository<Draft, Long> {

	Draft save(Draft draft);

	Optional<Draft> findById(long id);

	/**
	 * The draft, locked until the transaction ends, so two archives do not both count.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from Draft d where d.id = :id")
	Optional<Draft> findForUpdate(long id);

	Optional<Draft> findBySubmissionToken(UUID submissionToken);

	Page<Draft> findAll(Specification<Draft> specification, Pageable pageable);

	List<Draft> findByStatusAndArchivedAtIsNull(DraftStatus status);

	@Query("""
			select d from Draft d
			where d.status = dev.herald.draft.DraftStatus.IN_REVIEW and d.author <> :user and d.lastEditor <> :user
			  and (:includeArchived = true or d.archivedAt is null)
			order by d.updatedAt""")
	List<Draft> findReviewableBy(String user, boolean includeArchived);

}
