package dev.herald.draft;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DraftRepository extends Repository<Draft, Long> {

	Draft save(Draft draft);

	Optional<Draft> findById(long id);

	Page<Draft> findAll(Specification<Draft> specification, Pageable pageable);

	List<Draft> findByStatus(DraftStatus status);

	@Query("""
			select d from Draft d
			where d.status = dev.herald.draft.DraftStatus.IN_REVIEW and d.author <> :user and d.lastEditor <> :user
			order by d.updatedAt""")
	List<Draft> findReviewableBy(String user);

}
