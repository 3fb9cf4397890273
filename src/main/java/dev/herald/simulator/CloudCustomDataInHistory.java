package dev.herald.simulator;

/**
 * Whether the simulator's history ({@code official_account_msg_get_simple}) carries a
 * message's {@code CloudCustomData}: Tencent's real answer is unconfirmed.
 */
public enum CloudCustomDataInHistory {

	/** The CloudCustomData the message was sent with. */
	RETURNED,

	/** No {@code CloudCustomData} key at all. */
	OMITTED,

	/** The key, always with an empty string. */
	EMPTY

}
