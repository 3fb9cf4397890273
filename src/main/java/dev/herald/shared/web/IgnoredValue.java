package dev.herald.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * A value of a list's filter that could not be used and is left out, named by its field's
 * label: the page says "Campaign: "abc"" instead of ignoring it in silence
 * ({@code fragments/forms :: ignoredValues}).
 *
 * @param labelKey the message key of the field's label
 * @param value the value as it was sent
 */
public record IgnoredValue(String labelKey, String value) {

	/**
	 * Reads one filter value given as a request parameter; one that cannot be read is
	 * left out and noted.
	 * @param <T> the value's type
	 * @param value the parameter, or {@code null}
	 * @param parser reads it; throws {@link IllegalArgumentException} for a value it
	 * cannot read
	 * @param labelKey the label's message key of the field
	 * @param ignored where a value that cannot be read is noted
	 * @return the value, or {@code null} when there is none or it cannot be read
	 */
	public static <T> @Nullable T read(@Nullable String value, Function<String, T> parser, String labelKey,
			List<IgnoredValue> ignored) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return parser.apply(value.trim());
		}
		catch (IllegalArgumentException ex) {
			ignored.add(new IgnoredValue(labelKey, value));
			return null;
		}
	}

	/**
	 * The values a filter's binding could not convert, in the order they were bound.
	 * @param binding the filter's binding result
	 * @param labelKey the label's message key of a field
	 * @return the values left out
	 */
	public static List<IgnoredValue> of(Errors binding, Function<String, String> labelKey) {
		List<IgnoredValue> ignored = new ArrayList<>();
		for (FieldError error : binding.getFieldErrors()) {
			ignored.add(new IgnoredValue(labelKey.apply(error.getField()), String.valueOf(error.getRejectedValue())));
		}
		return ignored;
	}

}
