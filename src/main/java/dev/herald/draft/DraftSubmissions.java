package dev.herald.draft;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.herald.tencent.OfficialAccountMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * One draft per submitted form. The form carries a one-time token; a repeated POST finds
 * the draft that token made, and of two parallel POSTs the loser's insert fails on the
 * unique constraint, after which it finds the winner's draft. Not transactional itself:
 * the lookup after a failed insert needs a transaction of its own.
 */
@Service
class DraftSubmissions {

	private final Drafts drafts;

	DraftSubmissions(Drafts drafts) {
		this.drafts = drafts;
	}

	Outcome create(@Nullable UUID token, String title, @Nullable String notes, OfficialAccountMessage content,
			String by) {
		return once(token, () -> this.drafts.create(token, title, notes, content, by));
	}

	Outcome copy(long sourceId, @Nullable UUID token, String title, String by) {
		return once(token, () -> this.drafts.copy(sourceId, token, title, by));
	}

	private Outcome once(@Nullable UUID token, Supplier<Long> insert) {
		if (token == null) {
			return new Outcome(insert.get(), true);
		}
		Optional<Long> existing = this.drafts.findByToken(token);
		if (existing.isPresent()) {
			return new Outcome(existing.get(), false);
		}
		try {
			return new Outcome(insert.get(), true);
		}
		catch (DataIntegrityViolationException ex) {
			// Lost the race for this token: the winner's draft is committed by now.
			return this.drafts.findByToken(token).map((id) -> new Outcome(id, false)).orElseThrow(() -> ex);
		}
	}

	/**
	 * Where a submission landed.
	 *
	 * @param draftId the draft the form made, now or before
	 * @param created whether this submission made it
	 */
	record Outcome(long draftId, boolean created) {

	}

}
