package dev.herald.staff;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the admin's user form submits; the password is only asked for on create.
 */
class StaffUserForm {

	@NotBlank(groups = Create.class)
	@Size(min = 2, max = 64, groups = Create.class)
	@Pattern(regexp = "[A-Za-z0-9._-]*", groups = Create.class)
	private @Nullable String username;

	@NotBlank
	@Size(max = 120)
	private @Nullable String displayName;

	@NotEmpty
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private boolean enabled = true;

	private @Nullable String password;

	private long version;

	/**
	 * Checks that apply only when a user is created: the user name is fixed afterwards.
	 */
	interface Create {

	}

	static StaffUserForm of(StaffUser user) {
		StaffUserForm form = new StaffUserForm();
		form.username = user.getUsername();
		form.displayName = user.getDisplayName();
		form.roles = user.getRoles();
		form.enabled = user.isEnabled();
		form.version = user.getVersion();
		return form;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(@Nullable Set<Role> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(Role.class);
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
