package dev.herald.chatapp;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ChatAppRepository extends ListCrudRepository<ChatApp, Long> {

	List<ChatApp> findAllByOrderByNameAsc();

	Optional<ChatApp> findByName(String name);

	Optional<ChatApp> findBySdkAppId(long sdkAppId);

}
