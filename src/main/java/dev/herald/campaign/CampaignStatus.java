package dev.herald.campaign;

/**
 * Where a campaign stands. Pages show it through the message key
 * {@code CampaignStatus.<name>}.
 */
public enum CampaignStatus {

	/** Waiting for its next fire. */
	SCHEDULED,

	/** A run is sending. */
	RUNNING,

	/** Held by an operator: its trigger does not fire, its active run sends nothing. */
	PAUSED,

	/** Every run finished without failures, and no fire is left. */
	COMPLETED,

	/** No fire is left, and some run failed, was missed or was cancelled. */
	COMPLETED_WITH_FAILURES,

	/** A one-off whose only fire came too late to send (late-fire policy). */
	MISSED,

	/** Stopped by an operator (the campaign, or its last run); it never fires again. */
	CANCELLED;

	boolean isFinal() {
		return this == COMPLETED || this == COMPLETED_WITH_FAILURES || this == MISSED || this == CANCELLED;
	}

	// What an operator may do in it: the campaign page's buttons, whichever part of the
	// page renders them.

	boolean mayPause() {
		return this == SCHEDULED || this == RUNNING;
	}

	boolean mayResume() {
		return this == PAUSED;
	}

	boolean mayCancel() {
		return !isFinal();
	}

	boolean mayEdit() {
		return this == SCHEDULED || this == PAUSED;
	}

}
