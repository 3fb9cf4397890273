package dev.herald.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.herald.shared.web.ChangedValue;
import org.jspecify.annotations.Nullable;

/**
 * The composer's side of an edit conflict: the title and notes that changed in between
 * (content changes are a {@link DraftDiff}), and for "merge by hand" the saved value of
 * every field whose typed value differs from it.
 */
final class ComposerConflict {

	private static final Map<String, Function<DraftForm, @Nullable String>> TEXT_FIELDS = textFields();

	private static final Map<String, Predicate<DraftForm>> FLAGS = flags();

	private ComposerConflict() {
	}

	/**
	 * Title and notes as they were when the form was opened against what is saved now.
	 * @return the changed ones
	 */
	static List<ChangedValue> describedChanges(@Nullable String titleBefore, @Nullable String notesBefore, Draft now) {
		List<ChangedValue> changes = new ArrayList<>();
		if (!same(titleBefore, now.getTitle())) {
			changes.add(new ChangedValue("drafts.field.title", blankAsNull(titleBefore), now.getTitle()));
		}
		if (!same(notesBefore, now.getNotes())) {
			changes.add(new ChangedValue("drafts.field.notes", blankAsNull(notesBefore), blankAsNull(now.getNotes())));
		}
		return changes;
	}

	/**
	 * The saved value of every field that differs from the typed one, by field path
	 * ({@code title}, {@code elements[0].fields[Text]}, {@code pushDisabled}); an empty
	 * saved value is the empty string. Elements are compared position by position; an
	 * element whose type differs is left to the diff shown beside the form.
	 * @param mine the form as typed
	 * @param saved the saved draft as a form
	 * @param flag words for a saved checkbox ("on"/"off")
	 */
	static Map<String, String> theirs(DraftForm mine, DraftForm saved, Function<Boolean, String> flag) {
		Map<String, String> theirs = new LinkedHashMap<>();
		text(theirs, "title", mine.getTitle(), saved.getTitle());
		text(theirs, "notes", mine.getNotes(), saved.getNotes());
		int shared = Math.min(mine.getElements().size(), saved.getElements().size());
		for (int i = 0; i < shared; i++) {
			DraftForm.ElementForm typed = mine.getElements().get(i);
			DraftForm.ElementForm stored = saved.getElements().get(i);
			ElementType type = typed.getElementType();
			if (type == null || type != stored.getElementType()) {
				continue;
			}
			for (ElementType.FieldSpec spec : type.fields()) {
				text(theirs, "elements[" + i + "].fields[" + spec.key() + "]", typed.getFields().get(spec.key()),
						stored.getFields().get(spec.key()));
			}
		}
		TEXT_FIELDS.forEach((field, value) -> text(theirs, field, value.apply(mine), value.apply(saved)));
		FLAGS.forEach((field, value) -> {
			if (value.test(mine) != value.test(saved)) {
				theirs.put(field, flag.apply(value.test(saved)));
			}
		});
		return theirs;
	}

	private static void text(Map<String, String> theirs, String field, @Nullable String typed, @Nullable String saved) {
		if (!same(typed, saved)) {
			theirs.put(field, (saved != null) ? saved : "");
		}
	}

	private static Map<String, Function<DraftForm, @Nullable String>> textFields() {
		Map<String, Function<DraftForm, @Nullable String>> fields = new LinkedHashMap<>();
		fields.put("pushTitle", DraftForm::getPushTitle);
		fields.put("pushDesc", DraftForm::getPushDesc);
		fields.put("pushExt", DraftForm::getPushExt);
		fields.put("androidSound", DraftForm::getAndroidSound);
		fields.put("apnsSound", DraftForm::getApnsSound);
		fields.put("apnsTitle", DraftForm::getApnsTitle);
		fields.put("apnsSubTitle", DraftForm::getApnsSubTitle);
		fields.put("apnsImage", DraftForm::getApnsImage);
		fields.put("cloudCustomData", DraftForm::getCloudCustomData);
		return fields;
	}

	private static Map<String, Predicate<DraftForm>> flags() {
		Map<String, Predicate<DraftForm>> flags = new LinkedHashMap<>();
		flags.put("pushDisabled", DraftForm::isPushDisabled);
		flags.put("apnsNoBadge", DraftForm::isApnsNoBadge);
		flags.put("onlineOnly", DraftForm::isOnlineOnly);
		flags.put("noLastMsg", DraftForm::isNoLastMsg);
		flags.put("forbidBeforeCallback", DraftForm::isForbidBeforeCallback);
		flags.put("forbidAfterCallback", DraftForm::isForbidAfterCallback);
		return flags;
	}

	/** Blank and absent are the same value: the form trims both to nothing. */
	private static boolean same(@Nullable String a, @Nullable String b) {
		return Objects.equals(blankAsNull(a), blankAsNull(b));
	}

	private static @Nullable String blankAsNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
