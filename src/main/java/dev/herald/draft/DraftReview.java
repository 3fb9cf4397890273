package dev.herald.draft;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision about one version, bound to that version's content hash.
 */
@Entity
@Immutable
@Table(name = "draft_review")
class DraftReview {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long draftId;

	private long versionId;

	@Enumerated(EnumType.STRING)
	private ReviewDecision decision;

	private String reviewer;

	private @Nullable String comment;

	private String contentHash;

	private Instant decidedAt;

	@SuppressWarnings("NullAway.Init")
	protected DraftReview() {
	}

	private DraftReview(DraftVersion version, ReviewDecision decision, String reviewer, @Nullable String comment,
			Instant decidedAt) {
		this.draftId = version.getDraftId();
		this.versionId = version.getId();
		this.decision = decision;
		this.reviewer = reviewer;
		this.comment = comment;
		this.contentHash = version.getContentHash();
		this.decidedAt = decidedAt;
	}

	static DraftReview approval(DraftVersion version, String reviewer, Instant now) {
		return new DraftReview(version, ReviewDecision.APPROVED, reviewer, null, now);
	}

	static DraftReview changesRequested(DraftVersion version, String reviewer, String comment, Instant now) {
		return new DraftReview(version, ReviewDecision.CHANGES_REQUESTED, reviewer, comment, now);
	}

	/**
	 * An approval counts only for the exact content it approved.
	 * @param version a version
	 * @return whether this is an approval of that version's content as stored now
	 */
	boolean approves(DraftVersion version) {
		return this.decision == ReviewDecision.APPROVED && this.versionId == version.getId()
				&& this.contentHash.equals(version.getContentHash()) && version.isIntact();
	}

	public long getDraftId() {
		return this.draftId;
	}

	public long getVersionId() {
		return this.versionId;
	}

	public ReviewDecision getDecision() {
		return this.decision;
	}

	public String getReviewer() {
		return this.reviewer;
	}

	public @Nullable String getComment() {
		return this.comment;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

}
