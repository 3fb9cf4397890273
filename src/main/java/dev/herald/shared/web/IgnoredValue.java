package dev.herald.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
