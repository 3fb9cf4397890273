package dev.herald.campaign;

/**
 * A campaign that breaks a rule a form field can explain: the field and the message key
 * (with its arguments) to show beside it.
 */
class CampaignRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	CampaignRuleException(String field, String messageKey, Object... arguments) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] arguments() {
		return this.arguments;
	}

}
