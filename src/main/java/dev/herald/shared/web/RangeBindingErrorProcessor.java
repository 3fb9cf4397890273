package dev.herald.shared.web;

import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * A number field that cannot hold what was typed ({@code abc}, or {@code 999999999999}
 * for an {@code int}) says the same as when the number is out of its range: "Enter a
 * whole number from 1 to 1,000.", with the bounds of the field's {@link Range}, instead
 * of a bare "Enter a whole number.".
 * <p>
 * The error stays a binding failure carrying the typed text, so the form shows that text
 * again and Bean Validation adds nothing (no "Required.") for the same field. Its codes
 * and arguments are those of a {@code @Range} violation ({@code Range.form.field} ...
 * {@code Range}; the field, then max and min), so one message serves both.
 */
class RangeBindingErrorProcessor extends DefaultBindingErrorProcessor {

	static final String RANGE = "Range";

	@Override
	public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
		String field = ex.getPropertyName();
		Range range = (ex instanceof TypeMismatchException && field != null) ? range(bindingResult, field) : null;
		if (range == null) {
			super.processPropertyAccessException(ex, bindingResult);
			return;
		}
		Object value = ex.getValue();
		if (ObjectUtils.isArray(value)) {
			value = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(value));
		}
		Object[] fieldName = getArgumentsForBindError(bindingResult.getObjectName(), field);
		FieldError error = new FieldError(bindingResult.getObjectName(), field, value, true,
				bindingResult.resolveMessageCodes(RANGE, field),
				new Object[] { fieldName[0], range.max(), range.min() }, ex.getLocalizedMessage());
		error.wrap(ex);
		bindingResult.addError(error);
	}

	private static @Nullable Range range(BindingResult bindingResult, String field) {
		Object target = bindingResult.getTarget();
		if (target == null) {
			return null;
		}
		try {
			TypeDescriptor type = PropertyAccessorFactory.forBeanPropertyAccess(target)
				.getPropertyTypeDescriptor(field);
			return (type != null) ? type.getAnnotation(Range.class) : null;
		}
		catch (BeansException ex) {
			return null;
		}
	}

}
