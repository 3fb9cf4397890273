package dev.herald.draft;

/**
 * A person who may not do this to this draft: submit someone else's draft, or review a
 * version they wrote (four-eyes).
 */
class DraftRuleException extends RuntimeException {

	static final String NOT_AUTHOR = "drafts.refused.notAuthor";

	static final String FOUR_EYES = "drafts.refused.fourEyes";

	private final String messageKey;

	DraftRuleException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
