package dev.herald.staff;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import dev.herald.shared.NotFoundException;
import dev.herald.shared.RuleViolationException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and maintains staff users. Guards the rules a form cannot: unique user names,
 * and never leaving Herald without an enabled administrator.
 */
@Service
class StaffUsers {

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	StaffUsers(StaffUserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<StaffUser> all() {
		return this.users.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	StaffUser get(long id) {
		return this.users.findById(id).orElseThrow(() -> new NotFoundException("staff user", id));
	}

	@Transactional(readOnly = true)
	boolean any() {
		return this.users.count() > 0;
	}

	@Transactional
	StaffUser create(String username, String displayName, String rawPassword, Set<Role> roles) {
		String normalised = StaffUser.normalise(username);
		if (this.users.existsByUsername(normalised)) {
			throw RuleViolationException.onField("username", "staff.user.username.taken");
		}
		StaffUser user = new StaffUser(normalised, displayName, this.passwordEncoder.encode(rawPassword), roles,
				this.clock.instant());
		return this.users.save(user);
	}

	@Transactional
	void update(long id, long expectedVersion, String displayName, Set<Role> roles, boolean enabled,
			String actingUsername) {
		StaffUser user = get(id);
		if (user.getVersion() != expectedVersion) {
			throw new OptimisticLockingFailureException("Staff user " + id + " changed");
		}
		boolean self = user.getUsername().equals(actingUsername);
		if (self && !enabled) {
			throw RuleViolationException.onField("enabled", "staff.user.self.disable");
		}
		if (self && !roles.contains(Role.ADMIN)) {
			throw RuleViolationException.onField("roles", "staff.user.self.admin");
		}
		user.update(displayName, roles, enabled, this.clock.instant());
	}

	@Transactional
	void resetPassword(long id, String rawPassword) {
		get(id).changePassword(this.passwordEncoder.encode(rawPassword), this.clock.instant());
	}

	@Transactional
	void changeOwnPassword(String username, String currentPassword, String newPassword) {
		StaffUser user = this.users.findByUsername(StaffUser.normalise(username))
			.orElseThrow(() -> new NotFoundException("staff user", -1));
		if (!this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw RuleViolationException.onField("currentPassword", "account.password.current.wrong");
		}
		user.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
	}

}
