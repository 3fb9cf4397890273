package dev.herald.officialaccount;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Adds one official account by id, or edits its name, test flag and tags.
 */
class AccountForm {

	@NotNull
	private @Nullable Long chatAppId;

	private @Nullable String accountId;

	@Size(max = 150)
	private @Nullable String name;

	@Min(0)
	private @Nullable Long subscriberCount;

	private boolean testAccount;

	// Typed as one text: separated by spaces, commas or semicolons.
	private @Nullable String tags;

	static AccountForm of(OfficialAccountView account) {
		AccountForm form = new AccountForm();
		form.chatAppId = account.chatAppId();
		form.accountId = account.accountId();
		form.name = account.name();
		form.subscriberCount = account.subscriberCount();
		form.testAccount = account.testAccount();
		form.tags = String.join(" ", account.tags());
		return form;
	}

	public @Nullable Long getChatAppId() {
		return this.chatAppId;
	}

	public void setChatAppId(@Nullable Long chatAppId) {
		this.chatAppId = chatAppId;
	}

	public @Nullable String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(@Nullable String accountId) {
		this.accountId = accountId;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Long getSubscriberCount() {
		return this.subscriberCount;
	}

	public void setSubscriberCount(@Nullable Long subscriberCount) {
		this.subscriberCount = subscriberCount;
	}

	public boolean isTestAccount() {
		return this.testAccount;
	}

	public void setTestAccount(boolean testAccount) {
		this.testAccount = testAccount;
	}

	public @Nullable String getTags() {
		return this.tags;
	}

	public void setTags(@Nullable String tags) {
		this.tags = tags;
	}

}
