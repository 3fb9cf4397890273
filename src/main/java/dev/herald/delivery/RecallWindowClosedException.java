package dev.herald.delivery;

/**
 * A recall refused before any call: every message it would recall is past its Chat app's
 * message history period, which Tencent would refuse too.
 */
public class RecallWindowClosedException extends RuntimeException {

	private final RecallWindow window;

	RecallWindowClosedException(RecallWindow window) {
		super(window.pastWindow() + " sent messages are past the recall window, the last since "
				+ window.lastDeadline());
		this.window = window;
	}

	/** What was sent and when its period ended; {@link RecallWindow#closed()} holds. */
	public RecallWindow window() {
		return this.window;
	}

}
