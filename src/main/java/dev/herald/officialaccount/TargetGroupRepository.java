package dev.herald.officialaccount;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface TargetGroupRepository extends ListCrudRepository<TargetGroup, Long> {

	List<TargetGroup> findAllByOrderByChatAppIdAscNameAsc();

	List<TargetGroup> findByChatAppIdOrderByName(long chatAppId);

	Optional<TargetGroup> findByChatAppIdAndName(long chatAppId, String name);

}
