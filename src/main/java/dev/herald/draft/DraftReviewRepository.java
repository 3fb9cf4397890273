package dev.herald.draft;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface DraftReviewRepository extends Repository<DraftReview, Long> {

	DraftReview save(DraftReview review);

	List<DraftReview> findByDraftIdOrderByDecidedAtDescIdDesc(long draftId);

	Optional<DraftReview> findFirstByVersionIdAndDecisionOrderByDecidedAtDesc(long versionId, ReviewDecision decision);

	Optional<DraftReview> findFirstByDraftIdAndDecisionOrderByDecidedAtDescIdDesc(long draftId,
			ReviewDecision decision);

}
