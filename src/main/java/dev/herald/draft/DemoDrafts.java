package dev.herald.draft;

import java.time.Instant;

import dev.herald.tencent.MessageValidator;
import dev.herald.tencent.OfficialAccountMessage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved drafts for demo mode's history, written and reviewed at given times in the
 * past: the content is validated, and the draft goes through the same steps (write,
 * submit, four-eyes approval) as on the pages. The demo writes the audit lines of these
 * steps itself, with the same past times.
 */
@Service
public class DemoDrafts {

	private final DraftRepository drafts;

	private final DraftVersionRepository versions;

	private final DraftReviewRepository reviews;

	private final MessageValidator validator;

	private final ApprovedVersions approvedVersions;

	DemoDrafts(DraftRepository drafts, DraftVersionRepository versions, DraftReviewRepository reviews,
			MessageValidator validator, ApprovedVersions approvedVersions) {
		this.drafts = drafts;
		this.versions = versions;
		this.reviews = reviews;
		this.validator = validator;
		this.approvedVersions = approvedVersions;
	}

	/**
	 * A draft written and submitted by {@code author} at {@code writtenAt}, approved by
	 * {@code reviewer} at {@code approvedAt}.
	 * @return its approved first version
	 * @throws IllegalArgumentException when the content does not pass validation
	 */
	@Transactional
	public ApprovedVersion approved(String title, OfficialAccountMessage content, String author, Instant writtenAt,
			String reviewer, Instant approvedAt) {
		if (!DraftContent.validate(this.validator, content).isValid()) {
			throw new IllegalArgumentException("Demo draft '" + title + "' does not pass validation");
		}
		Draft draft = this.drafts.save(new Draft(title, null, author, writtenAt));
		int number = draft.startVersion(author, writtenAt);
		DraftVersion version = this.versions
			.save(new DraftVersion(draft.getId(), number, author, writtenAt, DraftContent.toJson(content)));
		draft.submit(author, writtenAt);
		this.reviews.save(draft.approve(version, reviewer, approvedAt));
		this.drafts.save(draft);
		return this.approvedVersions.findApproved(version.getId())
			.orElseThrow(() -> new IllegalStateException("Demo draft '" + title + "' is not approved"));
	}

}
