package dev.herald.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * One form field whose saved value changed, as an edit conflict shows it.
 *
 * @param labelKey the message key of the field's label
 * @param before the value before, ready to show; {@code null} for none
 * @param after the value after, ready to show; {@code null} for none
 */
public record ChangedValue(String labelKey, @Nullable String before, @Nullable String after) {

}
