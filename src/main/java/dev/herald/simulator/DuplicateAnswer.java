package dev.herald.simulator;

/**
 * What the simulator answers to a send that Tencent's 5-minute duplicate filter drops.
 * Tencent's real answer is unconfirmed, so Herald must cope with each of these.
 */
public enum DuplicateAnswer {

	/** OK with the MsgTime and MsgKey of the original message. */
	OK_ORIGINAL,

	/** OK without MsgTime or MsgKey. */
	OK_WITHOUT_KEY,

	/** The app's {@code duplicateErrorCode}. */
	ERROR,

	/**
	 * OK with the current MsgTime and a fresh MsgKey that is in no history (recalling it
	 * answers 10030), as if the duplicate had been sent but was never stored.
	 */
	OK_NEW_KEY

}
