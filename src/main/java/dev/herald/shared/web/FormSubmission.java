package dev.herald.shared.web;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * One object per submitted create form. The form carries a one-time token (a UUID made
 * when it is rendered) that the object keeps in a unique column: a repeated POST (a
 * double-click, two tabs, a retry) finds the object the token made, and of two parallel
 * POSTs the loser's insert fails on the constraint, after which it finds the winner's.
 * Call it outside a transaction: the lookup after a failed insert needs one of its own.
 */
public final class FormSubmission {

	private FormSubmission() {
	}

	/**
	 * Reads the token a form carries. A missing or garbled token means "no token": the
	 * POST still works, only without the protection against repeats.
	 * @param token the field as posted
	 * @return the token, or {@code null}
	 */
	public static @Nullable UUID token(@Nullable String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(token.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Creates the object unless the token already made one.
	 * @param token the form's token, or {@code null}
	 * @param find the id of the object a token made, if any
	 * @param create makes the object with the token, in a transaction of its own
	 * @return where the submission landed
	 */
	public static Landed once(@Nullable UUID token, Function<UUID, Optional<Long>> find, Supplier<Landed> create) {
		if (token == null) {
			return create.get();
		}
		Optional<Long> existing = find.apply(token);
		if (existing.isPresent()) {
			return new Landed(existing.get(), false);
		}
		try {
			return create.get();
		}
		catch (DataIntegrityViolationException ex) {
			// Lost the race for this token: the winner's object is committed by now.
			return find.apply(token).map((id) -> new Landed(id, false)).orElseThrow(() -> ex);
		}
	}

	/**
	 * Where a submission landed.
	 *
	 * @param id the object the form made, now or before
	 * @param created whether this submission made it
	 */
	public record Landed(long id, boolean created) {

		public static Landed created(long id) {
			return new Landed(id, true);
		}

	}

}
