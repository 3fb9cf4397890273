package dev.herald.staff;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to Herald.
 */
@Entity
@Table(name = "staff_user")
class StaffUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	private boolean enabled;

	private @Nullable String timeZone;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "staff_user_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private Instant createdAt;

	private Instant updatedAt;

	private Instant passwordChangedAt;

	@Version
	private long version;

	@SuppressWarnings("NullAway.Init")
	protected StaffUser() {
	}

	StaffUser(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A staff user needs at least one role");
		}
		this.username = normalise(username);
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = EnumSet.copyOf(roles);
		this.enabled = true;
		this.createdAt = now;
		this.updatedAt = now;
		this.passwordChangedAt = now;
	}

	static String normalise(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	void update(String displayName, Set<Role> roles, boolean enabled, Instant now) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A staff user needs at least one role");
		}
		this.displayName = displayName;
		this.roles = EnumSet.copyOf(roles);
		this.enabled = enabled;
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	@Nullable Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	@Nullable String getTimeZone() {
		return this.timeZone;
	}

	Set<Role> getRoles() {
		return (this.roles.isEmpty()) ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(this.roles);
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	long getVersion() {
		return this.version;
	}

}
