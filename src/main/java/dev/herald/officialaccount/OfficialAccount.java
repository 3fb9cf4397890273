package dev.herald.officialaccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> tags = new ArrayList<>();

	private @Nullable Instant archivedAt;

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

	/** Replaces the tags (already normalised by {@link Tags}). */
	void retag(Collection<String> tags, Instant now) {
		this.tags = new ArrayList<>(new TreeSet<>(tags));
		this.updatedAt = now;
	}

	void archive(Instant now) {
		if (this.archivedAt == null) {
			this.archivedAt = now;
			this.updatedAt = now;
		}
	}

	void restore(Instant now) {
		this.archivedAt = null;
		this.updatedAt = now;
	}

	List<String> getTags() {
		return List.copyOf(this.tags);
	}

	@Nullable Instant getArchivedAt() {
		return this.archivedAt;
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
