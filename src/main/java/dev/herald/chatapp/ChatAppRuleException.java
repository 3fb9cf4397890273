package dev.herald.chatapp;

/**
 * A rule refused a change; names the form field and the message key for it.
 */
class ChatAppRuleException extends RuntimeException {

	private final String field;

	ChatAppRuleException(String field, String messageKey) {
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
