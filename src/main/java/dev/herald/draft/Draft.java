package dev.herald.draft;

import java.time.Instant;
import java.util.UUID;

import dev.herald.shared.RuleViolationException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * The content of one broadcast with its review status. The content itself lives in
 * immutable {@link DraftVersion}s; the draft knows which one is current and who wrote it.
 */
@Entity
@Table(name = "draft")
class Draft {

	/** Refusal: only the author submits a draft. */
	static final String NOT_AUTHOR = "drafts.refused.notAuthor";

	/** Refusal: whoever wrote or last edited a draft does not review it. */
	static final String FOUR_EYES = "drafts.refused.fourEyes";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String title;

	private @Nullable String notes;

	@Enumerated(EnumType.STRING)
	private DraftStatus status;

	private String author;

	private String lastEditor;

	private int currentVersion;

	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant archivedAt;

	/** The one-time token of the form that created this draft, if it carried one. */
	private @Nullable UUID submissionToken;

	@Version
	private long version;

	@SuppressWarnings("NullAway.Init")
	protected Draft() {
	}

	Draft(String title, @Nullable String notes, String author, Instant now) {
		this(title, notes, author, null, now);
	}

	Draft(String title, @Nullable String notes, String author, @Nullable UUID submissionToken, Instant now) {
		this.submissionToken = submissionToken;
		this.title = title;
		this.notes = notes;
		this.author = author;
		this.lastEditor = author;
		this.status = DraftStatus.DRAFT;
		this.currentVersion = 0;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Starts the next version: whatever was approved stays with the old version, and the
	 * draft needs a new review.
	 * @return the number of the new version
	 */
	int startVersion(String by, Instant now) {
		this.currentVersion++;
		this.lastEditor = by;
		this.status = DraftStatus.DRAFT;
		this.updatedAt = now;
		return this.currentVersion;
	}

	void describe(String title, @Nullable String notes, Instant now) {
		requireLive();
		this.title = title;
		this.notes = notes;
		this.updatedAt = now;
	}

	void submit(String by, Instant now) {
		requireLive();
		requireStatus(DraftStatus.DRAFT, "submit");
		if (!by.equals(this.author)) {
			throw new RuleViolationException(NOT_AUTHOR);
		}
		this.status = DraftStatus.IN_REVIEW;
		this.updatedAt = now;
	}

	/**
	 * Approves the current version, binding the approval to its content hash.
	 * @param current the current version, as stored
	 * @return the approval to store
	 */
	DraftReview approve(DraftVersion current, String by, Instant now) {
		requireLive();
		requireStatus(DraftStatus.IN_REVIEW, "approve");
		requireCurrent(current);
		requireSecondPerson(by);
		this.status = DraftStatus.APPROVED;
		this.updatedAt = now;
		return DraftReview.approval(current, by, now);
	}

	DraftReview requestChanges(DraftVersion current, String by, String comment, Instant now) {
		if (comment.isBlank()) {
			throw new IllegalArgumentException("A request for changes needs a comment");
		}
		requireLive();
		requireStatus(DraftStatus.IN_REVIEW, "request changes to");
		requireCurrent(current);
		requireSecondPerson(by);
		this.status = DraftStatus.CHANGES_REQUESTED;
		this.updatedAt = now;
		return DraftReview.changesRequested(current, by, comment, now);
	}

	/**
	 * Hides the draft from lists, the review queue and new campaigns; its status and
	 * versions stay as they are.
	 * @return whether anything changed (archiving twice is harmless)
	 */
	boolean archive(Instant now) {
		if (this.archivedAt != null) {
			return false;
		}
		this.archivedAt = now;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Brings an archived draft back with the status it had.
	 * @return whether anything changed
	 */
	boolean restore(Instant now) {
		if (this.archivedAt == null) {
			return false;
		}
		this.archivedAt = null;
		this.updatedAt = now;
		return true;
	}

	/** Four-eyes: the author and the last editor never review, whatever their roles. */
	boolean mayReview(String user) {
		return !user.equals(this.author) && !user.equals(this.lastEditor);
	}

	private void requireSecondPerson(String by) {
		if (!mayReview(by)) {
			throw new RuleViolationException(FOUR_EYES);
		}
	}

	private void requireCurrent(DraftVersion version) {
		if (this.id == null || version.getDraftId() != this.id || version.getNumber() != this.currentVersion) {
			throw new IllegalArgumentException("Version " + version.getNumber() + " is not the current version");
		}
	}

	private void requireLive() {
		if (this.archivedAt != null) {
			throw new DraftArchivedException(this.id);
		}
	}

	private void requireStatus(DraftStatus expected, String action) {
		if (this.status != expected) {
			throw new DraftStateException(action, this.status);
		}
	}

	public long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Draft not saved yet");
		}
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public DraftStatus getStatus() {
		return this.status;
	}

	public String getAuthor() {
		return this.author;
	}

	public String getLastEditor() {
		return this.lastEditor;
	}

	public int getCurrentVersion() {
		return this.currentVersion;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant getArchivedAt() {
		return this.archivedAt;
	}

	public boolean isArchived() {
		return this.archivedAt != null;
	}

	@Nullable UUID getSubmissionToken() {
		return this.submissionToken;
	}

	public long getVersion() {
		return this.version;
	}

}
