package dev.herald.delivery;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where one delivery stands: QUEUED → SENDING → SENT / FAILED / IN_DOUBT → RECALLED /
 * RECALL_FAILED, or CANCELLED.
 */
public enum DeliveryStatus {

	QUEUED, SENDING, SENT, FAILED, IN_DOUBT, RECALLED, RECALL_FAILED, CANCELLED;

	/** Work left for the engine: to be sent, being sent, or to be looked up. */
	public static final Set<DeliveryStatus> ACTIVE = Collections.unmodifiableSet(EnumSet.of(QUEUED, SENDING, IN_DOUBT));

	/** The message reached the official account (a later recall does not undo that). */
	public static final Set<DeliveryStatus> DELIVERED = Collections
		.unmodifiableSet(EnumSet.of(SENT, RECALLED, RECALL_FAILED));

	/** Tencent holds the message and it is not recalled yet. */
	public static final Set<DeliveryStatus> RECALLABLE = Collections.unmodifiableSet(EnumSet.of(SENT, RECALL_FAILED));

}
