package dev.herald.staff;

/**
 * A business rule refused a change; carries the form field and the message key to show
 * next to it.
 */
class StaffUserRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	StaffUserRuleException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

}
