package dev.herald.draft;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One saved state of a draft's content. Never changed after it is stored.
 */
@Entity
@Immutable
@Table(name = "draft_version")
class DraftVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long draftId;

	private int number;

	private String author;

	private Instant createdAt;

	private String contentJson;

	private String contentHash;

	@SuppressWarnings("NullAway.Init")
	protected DraftVersion() {
	}

	DraftVersion(long draftId, int number, String author, Instant createdAt, String contentJson) {
		this.draftId = draftId;
		this.number = number;
		this.author = author;
		this.createdAt = createdAt;
		this.contentJson = contentJson;
		this.contentHash = ContentHash.of(contentJson);
	}

	/** The stored content still has the hash it was stored with. */
	public boolean isIntact() {
		return this.contentHash.equals(ContentHash.of(this.contentJson));
	}

	public long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Version not saved yet");
		}
		return this.id;
	}

	public long getDraftId() {
		return this.draftId;
	}

	public int getNumber() {
		return this.number;
	}

	public String getAuthor() {
		return this.author;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getContentJson() {
		return this.contentJson;
	}

	public String getContentHash() {
		return this.contentHash;
	}

}
