package dev.herald.draft;

import java.time.Instant;

import dev.herald.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DraftTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final String CONTENT = "{\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hi\"}}]}";

	private long nextVersionId = 100;

	@Test
	void newDraftIsInDraftWithItsFirstVersion() {
		Draft draft = draft("olga");
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.DRAFT);
		assertThat(draft.getCurrentVersion()).isEqualTo(1);
		assertThat(draft.getLastEditor()).isEqualTo("olga");
	}

	@Test
	void authorSubmitsAndEditorApproves() {
		Draft draft = draft("olga");
		DraftVersion version = version(draft, "olga", CONTENT);
		draft.submit("olga", NOW);
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
		DraftReview approval = draft.approve(version, "eddie", NOW);
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.APPROVED);
		assertThat(approval.getDecision()).isEqualTo(ReviewDecision.APPROVED);
		assertThat(approval.getReviewer()).isEqualTo("eddie");
		assertThat(approval.getContentHash()).isEqualTo(ContentHash.of(CONTENT)).isEqualTo(version.getContentHash());
		assertThat(approval.approves(version)).isTrue();
	}

	@Test
	void onlyTheAuthorSubmits() {
		Draft draft = draft("olga");
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> draft.submit("mallory", NOW))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo(Draft.NOT_AUTHOR));
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.DRAFT);
	}

	@Test
	void submittingTwiceNamesTheCurrentStatus() {
		Draft draft = draft("olga");
		draft.submit("olga", NOW);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> draft.submit("olga", NOW))
			.withMessageContaining("IN_REVIEW");
	}

	@Test
	void rejectsApprovalOfADraftNotInReview() {
		Draft draft = draft("olga");
		DraftVersion version = version(draft, "olga", CONTENT);
		assertThatExceptionOfType(DraftStateException.class).isThrownBy(() -> draft.approve(version, "eddie", NOW))
			.withMessageContaining("DRAFT");
	}

	@Test
	void authorCannotApproveOwnDraftWhateverTheirRoles() {
		Draft draft = draft("olga");
		DraftVersion version = version(draft, "olga", CONTENT);
		draft.submit("olga", NOW);
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> draft.approve(version, "olga", NOW))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo(Draft.FOUR_EYES));
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
	}

	@Test
	void lastEditorCannotApproveEither() {
		Draft draft = draft("olga");
		draft.startVersion("eddie", NOW);
		DraftVersion version = version(draft, "eddie", CONTENT);
		draft.submit("olga", NOW);
		assertThat(draft.mayReview("eddie")).isFalse();
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> draft.approve(version, "eddie", NOW));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> draft.requestChanges(version, "eddie", "no", NOW));
		assertThat(draft.approve(version, "erin", NOW).getReviewer()).isEqualTo("erin");
	}

	@Test
	void requestingChangesNeedsAComment() {
		Draft draft = draft("olga");
		DraftVersion version = version(draft, "olga", CONTENT);
		draft.submit("olga", NOW);
		assertThatIllegalArgumentException().isThrownBy(() -> draft.requestChanges(version, "eddie", " ", NOW));
		DraftReview review = draft.requestChanges(version, "eddie", "Shorter, please", NOW);
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.CHANGES_REQUESTED);
		assertThat(review.getComment()).isEqualTo("Shorter, please");
		assertThat(review.approves(version)).isFalse();
	}

	@Test
	void changesRequestedGoesBackToDraftOnEditAndCanBeResubmitted() {
		Draft draft = draft("olga");
		DraftVersion first = version(draft, "olga", CONTENT);
		draft.submit("olga", NOW);
		draft.requestChanges(first, "eddie", "Shorter", NOW);
		assertThatExceptionOfType(DraftStateException.class).isThrownBy(() -> draft.submit("olga", NOW))
			.withMessageContaining("CHANGES_REQUESTED");
		draft.startVersion("olga", NOW);
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.DRAFT);
		draft.submit("olga", NOW);
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
	}

	@Test
	void approvalStaysWithTheApprovedVersionAfterAnEdit() {
		Draft draft = draft("olga");
		DraftVersion first = version(draft, "olga", CONTENT);
		draft.submit("olga", NOW);
		DraftReview approval = draft.approve(first, "eddie", NOW);
		draft.startVersion("olga", NOW);
		DraftVersion second = version(draft, "olga", CONTENT.replace("hi", "hello"));
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.DRAFT);
		assertThat(approval.approves(first)).isTrue();
		assertThat(approval.approves(second)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> {
			draft.submit("olga", NOW);
			draft.approve(first, "eddie", NOW);
		});
	}

	@Test
	void approvalDoesNotCoverContentThatNoLongerMatchesItsHash() {
		Draft draft = draft("olga");
		DraftVersion version = version(draft, "olga", CONTENT);
		draft.submit("olga", NOW);
		DraftReview approval = draft.approve(version, "eddie", NOW);
		ReflectionTestUtils.setField(version, "contentJson", CONTENT.replace("hi", "pwned"));
		assertThat(version.isIntact()).isFalse();
		assertThat(approval.approves(version)).isFalse();
	}

	@Test
	void anArchivedDraftRefusesChangesAndComesBackWithItsStatus() {
		Draft draft = draft("olga");
		DraftVersion version = version(draft, "olga", CONTENT);
		draft.submit("olga", NOW);
		assertThat(draft.archive(NOW)).isTrue();
		assertThat(draft.archive(NOW)).as("archiving twice changes nothing").isFalse();
		assertThat(draft.isArchived()).isTrue();
		assertThat(draft.getArchivedAt()).isEqualTo(NOW);
		assertThatExceptionOfType(DraftArchivedException.class).isThrownBy(() -> draft.approve(version, "eddie", NOW));
		assertThatExceptionOfType(DraftArchivedException.class)
			.isThrownBy(() -> draft.requestChanges(version, "eddie", "no", NOW));
		assertThatExceptionOfType(DraftArchivedException.class).isThrownBy(() -> draft.describe("New", null, NOW));
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
		assertThat(draft.getTitle()).isEqualTo("Spring sale");

		assertThat(draft.restore(NOW)).isTrue();
		assertThat(draft.restore(NOW)).isFalse();
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.IN_REVIEW);
		assertThat(draft.approve(version, "eddie", NOW).getReviewer()).isEqualTo("eddie");
	}

	@Test
	void anArchivedDraftCannotBeSubmitted() {
		Draft draft = draft("olga");
		draft.archive(NOW);
		assertThatExceptionOfType(DraftArchivedException.class).isThrownBy(() -> draft.submit("olga", NOW))
			.withMessageContaining("restore it first");
		assertThat(draft.getStatus()).isEqualTo(DraftStatus.DRAFT);
	}

	private Draft draft(String author) {
		Draft draft = new Draft("Spring sale", null, author, NOW);
		ReflectionTestUtils.setField(draft, "id", 7L);
		draft.startVersion(author, NOW);
		return draft;
	}

	private DraftVersion version(Draft draft, String author, String json) {
		DraftVersion version = new DraftVersion(draft.getId(), draft.getCurrentVersion(), author, NOW, json);
		ReflectionTestUtils.setField(version, "id", this.nextVersionId++);
		return version;
	}

}
