package dev.herald.officialaccount;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One Official Account of a Chat app, as Herald knows it.
 */
@Entity
@Table(name = "official_account")
class OfficialAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long chatAppId;

	private String accountId;

	private String name;

	private long subscriberCount;

	private boolean testAccount;

	private @Nullable Instant syncedAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@SuppressWarnings("NullAway.Init")
	protected OfficialAccount() {
	}

	OfficialAccount(long chatAppId, String accountId, String name, long subscriberCount, boolean testAccount,
			Instant now) {
		String problem = AccountIds.problem(accountId);
		if (problem != null) {
			throw new IllegalArgumentException("Not an official account id: " + accountId);
		}
		this.chatAppId = chatAppId;
		this.accountId = accountId;
		this.name = name;
		this.subscriberCount = subscriberCount;
		this.testAccount = testAccount;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

	void markAsTest(boolean testAccount, Instant now) {
		this.testAccount = testAccount;
		this.updatedAt = now;
	}

	void synced(@Nullable String name, @Nullable Long subscriberCount, Instant now) {
		if (name != null && !name.isBlank()) {
			this.name = name;
		}
		if (subscriberCount != null) {
			this.subscriberCount = subscriberCount;
		}
		this.syncedAt = now;
		this.updatedAt = now;
	}

	void imported(String name, @Nullable Long subscriberCount, boolean testAccount, Instant now) {
		this.name = name;
		if (subscriberCount != null) {
			this.subscriberCount = subscriberCount;
		}
		this.testAccount = testAccount;
		this.updatedAt = now;
	}

	@Nullable Long getId() {
		return this.id;
	}

	long getChatAppId() {
		return this.chatAppId;
	}

	String getAccountId() {
		return this.accountId;
	}

	String getName() {
		return this.name;
	}

	long getSubscriberCount() {
		return this.subscriberCount;
	}

	boolean isTestAccount() {
		return this.testAccount;
	}

	@Nullable Instant getSyncedAt() {
		return this.syncedAt;
	}

}
