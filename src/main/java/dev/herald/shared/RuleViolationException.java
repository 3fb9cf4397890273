package dev.herald.shared;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * A change a business rule refuses, in words the page can show: a message key with its
 * arguments, and the form field it belongs to when there is one.
 * <p>
 * A controller that shows a form catches it and calls {@link #rejectIn(Errors)}, so the
 * form comes back with the reason beside the field; one that nobody catches becomes a 403
 * page that gives the reason ({@code shared.web.GlobalControllerAdvice}).
 */
public class RuleViolationException extends RuntimeException {

	private final @Nullable String field;

	private final String messageKey;

	private final Object[] arguments;

	/**
	 * A refusal that belongs to no form field (the page says it as a whole).
	 * @param messageKey the reason
	 * @param arguments the reason's arguments
	 */
	public RuleViolationException(String messageKey, Object... arguments) {
		this(null, messageKey, arguments);
	}

	private RuleViolationException(@Nullable String field, String messageKey, Object[] arguments) {
		super((field != null) ? field + ": " + messageKey : messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/**
	 * A refusal shown next to a form field.
	 * @param field the form field that is wrong
	 * @param messageKey the reason
	 * @param arguments the reason's arguments
	 * @return the exception to throw
	 */
	public static RuleViolationException onField(String field, String messageKey, Object... arguments) {
		return new RuleViolationException(field, messageKey, arguments);
	}

	public @Nullable String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	/**
	 * Puts the reason on a form: beside its field, or above the form when it has none.
	 * @param errors the form's binding result
	 */
	public void rejectIn(Errors errors) {
		if (this.field != null) {
			errors.rejectValue(this.field, this.messageKey, this.arguments, null);
		}
		else {
			errors.reject(this.messageKey, this.arguments, null);
		}
	}

}
