package dev.herald.simulator;

/** The faults the simulator can inject. */
enum FaultKind {

	/** Answer HTTP 200 with an error code; nothing is stored. */
	ERROR,

	/** Answer HTTP 502 with no JSON body; nothing is stored. */
	BAD_GATEWAY,

	/** Process the call normally, then wait before answering (to outlast a timeout). */
	DELAY,

	/**
	 * Process the call normally (a send IS stored and counted), then wait and drop the
	 * connection (standalone) or answer 502 (inside Herald): the caller cannot know.
	 */
	RESPONSE_LOST

}
