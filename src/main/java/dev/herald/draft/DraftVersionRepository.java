package dev.herald.draft;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface DraftVersionRepository extends Repository<DraftVersion, Long> {

	DraftVersion save(DraftVersion version);

	Optional<DraftVersion> findById(long id);

	Optional<DraftVersion> findByDraftIdAndNumber(long draftId, int number);

	List<DraftVersion> findByDraftIdOrderByNumberDesc(long draftId);

}
