package dev.herald.delivery;

/**
 * Why Herald stopped looking a delivery up and leaves it IN_DOUBT for an operator to
 * decide: the OA's history could not prove that the message landed, nor that it did not.
 * Herald never sends a second time on such uncertainty.
 */
enum DoubtReason {

	/** The history ended before it reached back to the first attempt. */
	HISTORY_CUT,

	/** Older messages of the history have expired before it reached the first attempt. */
	HISTORY_EXPIRED,

	/** A place-holder message (no Random, body or data) lies in the time range. */
	PLACEHOLDER,

	/**
	 * A message in the time range could not be judged: no CloudCustomData and no Random
	 * or body, or our Random with another body.
	 */
	UNJUDGEABLE,

	/** The history could not be read, lookup after lookup. */
	LOOKUPS_FAILED,

	/** Herald itself failed while an earlier attempt may have landed. */
	HERALD_ERROR

}
