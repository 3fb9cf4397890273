package dev.herald.officialaccount;

/**
 * A rule refused a change; names the form field and the message key for it.
 */
class AccountRuleException extends RuntimeException {

	private final String field;

	AccountRuleException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return getMessage();
	}

}
