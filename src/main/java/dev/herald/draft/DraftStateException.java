package dev.herald.draft;

/**
 * A transition the draft's current status does not allow.
 */
class DraftStateException extends IllegalStateException {

	private final DraftStatus status;

	DraftStateException(String action, DraftStatus status) {
		super("Cannot " + action + " a draft that is " + status);
		this.status = status;
	}

	DraftStatus status() {
		return this.status;
	}

}
