package dev.herald.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new password typed twice; the current one is only asked for when users change their
 * own.
 */
class PasswordForm {

	private @Nullable String currentPassword;

	@NotBlank
	@Size(min = StaffPasswords.MIN_LENGTH, max = 200)
	private @Nullable String newPassword;

	@NotBlank
	private @Nullable String confirmPassword;

	boolean confirmed() {
		return this.newPassword != null && this.newPassword.equals(this.confirmPassword);
	}

	public @Nullable String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(@Nullable String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public @Nullable String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(@Nullable String newPassword) {
		this.newPassword = newPassword;
	}

	public @Nullable String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(@Nullable String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

}
