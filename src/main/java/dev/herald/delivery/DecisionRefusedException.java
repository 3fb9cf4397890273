package dev.herald.delivery;

/**
 * An operator's decision that changed nothing: decided already (a double-click, another
 * operator), or not open to the delivery's run. The page says why in the message the key
 * names; the transaction rolls back.
 */
final class DecisionRefusedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	DecisionRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
