package dev.herald.draft;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What campaigns may send: versions approved under four-eyes whose content still has the
 * hash that was approved.
 */
@Service
public class ApprovedVersions {

	private final DraftRepository drafts;

	private final DraftVersionRepository versions;

	private final DraftReviewRepository reviews;

	ApprovedVersions(DraftRepository drafts, DraftVersionRepository versions, DraftReviewRepository reviews) {
		this.drafts = drafts;
		this.versions = versions;
		this.reviews = reviews;
	}

	/**
	 * The version, if exactly this version was approved and its content is unchanged.
	 * Older approved versions stay approved after the draft moves on, and after it is
	 * archived: campaigns that already use them keep working.
	 * @param versionId a draft version id
	 * @return the approved version, or empty
	 */
	@Transactional(readOnly = true)
	public Optional<ApprovedVersion> findApproved(long versionId) {
		return this.versions.findById(versionId).flatMap(this::approved);
	}

	/**
	 * The version, if it is approved and may be picked for a new campaign: like
	 * {@link #findApproved(long)}, but empty when its draft is archived.
	 * @param versionId a draft version id
	 * @return the approved version of a live draft, or empty
	 */
	@Transactional(readOnly = true)
	public Optional<ApprovedVersion> findOffered(long versionId) {
		return this.versions.findById(versionId)
			.filter((version) -> this.drafts.findById(version.getDraftId()).filter((d) -> !d.isArchived()).isPresent())
			.flatMap(this::approved);
	}

	/**
	 * The current version of every approved draft that is not archived: what a new
	 * campaign may pick.
	 * @return approved versions, newest draft change first
	 */
	@Transactional(readOnly = true)
	public List<ApprovedVersion> listApproved() {
		return this.drafts.findByStatusAndArchivedAtIsNull(DraftStatus.APPROVED)
			.stream()
			.sorted((a, b) -> b.getUpdatedAt().compareTo(a.getUpdatedAt()))
			.flatMap((draft) -> this.versions.findByDraftIdAndNumber(draft.getId(), draft.getCurrentVersion())
				.flatMap(this::approved)
				.stream())
			.toList();
	}

	private Optional<ApprovedVersion> approved(DraftVersion version) {
		return this.reviews
			.findFirstByVersionIdAndDecisionOrderByDecidedAtDesc(version.getId(), ReviewDecision.APPROVED)
			.filter((review) -> review.approves(version))
			.flatMap((review) -> this.drafts.findById(version.getDraftId())
				.map((draft) -> new ApprovedVersion(draft.getId(), version.getId(), version.getNumber(),
						draft.getTitle(), version.getContentJson(), version.getContentHash(), review.getReviewer(),
						review.getDecidedAt())));
	}

}
