package dev.herald.draft;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.shared.NotFoundException;
import dev.herald.tencent.MessageValidator;
import dev.herald.tencent.OfficialAccountMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing, versioning and reviewing drafts. Every change is audited in the same
 * transaction.
 */
@Service
class Drafts {

	static final int PAGE_SIZE = 20;

	private final DraftRepository drafts;

	private final DraftVersionRepository versions;

	private final DraftReviewRepository reviews;

	private final MessageValidator validator;

	private final AuditLog audit;

	private final Clock clock;

	Drafts(DraftRepository drafts, DraftVersionRepository versions, DraftReviewRepository reviews,
			MessageValidator validator, AuditLog audit, Clock clock) {
		this.drafts = drafts;
		this.versions = versions;
		this.reviews = reviews;
		this.validator = validator;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	long create(String title, @Nullable String notes, OfficialAccountMessage content, String by) {
		return create(null, title, notes, content, by);
	}

	/**
	 * Saves a new draft. A token that is already taken fails on the unique constraint;
	 * {@link dev.herald.shared.web.FormSubmission} turns that into the draft that has it.
	 * @param token the one-time token of the form, or {@code null}
	 */
	@Transactional
	long create(@Nullable UUID token, String title, @Nullable String notes, OfficialAccountMessage content, String by) {
		String json = validContent(content);
		Instant now = this.clock.instant();
		Draft draft = this.drafts.save(new Draft(title, notes, by, token, now));
		int number = draft.startVersion(by, now);
		DraftVersion version = this.versions.save(new DraftVersion(draft.getId(), number, by, now, json));
		this.audit.record(AuditRecord.of("draft.created", "draft", draft.getId())
			.withAfter(Map.of("title", title, "version", number, "contentHash", version.getContentHash())));
		return draft.getId();
	}

	/**
	 * A new draft in DRAFT with the source's current content and notes, written by
	 * {@code by}. The source may be archived; the copy is not.
	 * @param title the copy's title, already worded ("Copy of …")
	 * @return the copy's id
	 */
	@Transactional
	long copy(long sourceId, @Nullable UUID token, String title, String by) {
		Draft source = this.drafts.findById(sourceId).orElseThrow(() -> new NotFoundException("draft", sourceId));
		DraftVersion content = currentVersion(source);
		Instant now = this.clock.instant();
		Draft draft = this.drafts.save(new Draft(title, source.getNotes(), by, token, now));
		int number = draft.startVersion(by, now);
		this.versions.save(new DraftVersion(draft.getId(), number, by, now, content.getContentJson()));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("sourceId", sourceId);
		after.put("sourceVersion", content.getNumber());
		after.put("title", title);
		after.put("version", number);
		after.put("contentHash", content.getContentHash());
		this.audit.record(AuditRecord.of("draft.cloned", "draft", draft.getId()).withAfter(after));
		return draft.getId();
	}

	@Transactional(readOnly = true)
	Optional<Long> findByToken(UUID token) {
		return this.drafts.findBySubmissionToken(token).map(Draft::getId);
	}

	/** Archives the draft; archiving an archived draft changes and audits nothing. */
	@Transactional
	void archive(long id) {
		Draft draft = this.drafts.findForUpdate(id).orElseThrow(() -> new NotFoundException("draft", id));
		if (draft.archive(this.clock.instant())) {
			this.drafts.save(draft);
			this.audit.record(AuditRecord.of("draft.archived", "draft", id)
				.withAfter(Map.of("title", draft.getTitle(), "status", draft.getStatus().name())));
		}
	}

	/** Restores the draft with the status it had; a live draft is left alone. */
	@Transactional
	void restore(long id) {
		Draft draft = this.drafts.findForUpdate(id).orElseThrow(() -> new NotFoundException("draft", id));
		if (draft.restore(this.clock.instant())) {
			this.drafts.save(draft);
			this.audit.record(AuditRecord.of("draft.restored", "draft", id)
				.withAfter(Map.of("title", draft.getTitle(), "status", draft.getStatus().name())));
		}
	}

	/**
	 * Saves the composer's state. Unchanged content keeps the current version (and its
	 * approval); changed content starts a new version in DRAFT.
	 */
	@Transactional
	void update(long id, long expectedLock, String title, @Nullable String notes, OfficialAccountMessage content,
			String by) {
		String json = validContent(content);
		Draft draft = lockedAt(id, expectedLock);
		DraftVersion current = currentVersion(draft);
		Instant now = this.clock.instant();
		Map<String, Object> before = state(draft, current);
		draft.describe(title, notes, now);
		if (!current.getContentHash().equals(ContentHash.of(json))) {
			int number = draft.startVersion(by, now);
			current = this.versions.save(new DraftVersion(id, number, by, now, json));
		}
		this.drafts.save(draft);
		this.audit
			.record(AuditRecord.of("draft.edited", "draft", id).withBefore(before).withAfter(state(draft, current)));
	}

	@Transactional
	void submit(long id, long expectedLock, String by) {
		Draft draft = lockedAt(id, expectedLock);
		draft.submit(by, this.clock.instant());
		this.drafts.save(draft);
		this.audit.record(
				AuditRecord.of("draft.submitted", "draft", id).withAfter(Map.of("version", draft.getCurrentVersion())));
	}

	@Transactional
	void approve(long id, long expectedLock, String by) {
		Draft draft = lockedAt(id, expectedLock);
		DraftVersion current = currentVersion(draft);
		DraftReview approval = draft.approve(current, by, this.clock.instant());
		this.reviews.save(approval);
		this.drafts.save(draft);
		this.audit.record(AuditRecord.of("draft.approved", "draft", id)
			.withAfter(Map.of("version", current.getNumber(), "contentHash", approval.getContentHash())));
	}

	@Transactional
	void requestChanges(long id, long expectedLock, String by, String comment) {
		Draft draft = lockedAt(id, expectedLock);
		DraftVersion current = currentVersion(draft);
		this.reviews.save(draft.requestChanges(current, by, comment, this.clock.instant()));
		this.drafts.save(draft);
		this.audit.record(AuditRecord.of("draft.changesRequested", "draft", id)
			.withAfter(Map.of("version", current.getNumber(), "comment", comment)));
	}

	@Transactional(readOnly = true)
	DraftView view(long id) {
		Draft draft = this.drafts.findById(id).orElseThrow(() -> new NotFoundException("draft", id));
		List<DraftVersion> history = this.versions.findByDraftIdOrderByNumberDesc(id);
		List<DraftReview> decisions = this.reviews.findByDraftIdOrderByDecidedAtDescIdDesc(id);
		DraftVersion current = history.stream()
			.filter((v) -> v.getNumber() == draft.getCurrentVersion())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("draft", id));
		Optional<DraftVersion> lastApproved = this.reviews
			.findFirstByDraftIdAndDecisionOrderByDecidedAtDescIdDesc(id, ReviewDecision.APPROVED)
			.flatMap((review) -> this.versions.findById(review.getVersionId()).filter(review::approves));
		return new DraftView(draft, current, history, decisions, lastApproved.orElse(null));
	}

	@Transactional(readOnly = true)
	DraftVersion version(long draftId, int number) {
		return this.versions.findByDraftIdAndNumber(draftId, number)
			.orElseThrow(() -> new NotFoundException("draft", draftId + "/" + number));
	}

	@Transactional(readOnly = true)
	Page<Draft> list(@Nullable DraftStatus status, @Nullable String author, @Nullable String text,
			boolean includeArchived, int page) {
		Specification<Draft> filter = (root, query, cb) -> cb.conjunction();
		if (!includeArchived) {
			filter = filter.and((root, query, cb) -> cb.isNull(root.get("archivedAt")));
		}
		if (status != null) {
			filter = filter.and((root, query, cb) -> cb.equal(root.get("status"), status));
		}
		if (author != null && !author.isBlank()) {
			String wanted = author.trim().toLowerCase(Locale.ROOT);
			filter = filter.and((root, query, cb) -> cb.equal(cb.lower(root.get("author")), wanted));
		}
		if (text != null && !text.isBlank()) {
			String pattern = "%"
					+ text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			filter = filter.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
					cb.like(cb.lower(cb.coalesce(root.get("notes"), "")), pattern, '\\')));
		}
		return this.drafts.findAll(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE,
				Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
	}

	@Transactional(readOnly = true)
	List<Draft> reviewableBy(String user, boolean includeArchived) {
		return this.drafts.findReviewableBy(user, includeArchived);
	}

	private String validContent(OfficialAccountMessage content) {
		if (!DraftContent.validate(this.validator, content).isValid()) {
			throw new IllegalArgumentException("Draft content does not pass validation");
		}
		return DraftContent.toJson(content);
	}

	private Draft lockedAt(long id, long expectedLock) {
		Draft draft = this.drafts.findById(id).orElseThrow(() -> new NotFoundException("draft", id));
		if (draft.getVersion() != expectedLock) {
			throw new ObjectOptimisticLockingFailureException(Draft.class, id);
		}
		return draft;
	}

	private DraftVersion currentVersion(Draft draft) {
		return version(draft.getId(), draft.getCurrentVersion());
	}

	private static Map<String, Object> state(Draft draft, DraftVersion version) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", draft.getTitle());
		state.put("status", draft.getStatus().name());
		state.put("version", version.getNumber());
		state.put("contentHash", version.getContentHash());
		return state;
	}

}
