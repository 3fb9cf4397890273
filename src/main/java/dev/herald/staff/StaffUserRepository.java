package dev.herald.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface StaffUserRepository extends ListCrudRepository<StaffUser, Long> {

	Optional<StaffUser> findByUsername(String username);

	boolean existsByUsername(String username);

	List<StaffUser> findAllByOrderByUsernameAsc();

}
