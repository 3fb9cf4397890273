package dev.herald.delivery;

/**
 * Where one delivery stands: QUEUED → SENDING → SENT / FAILED / IN_DOUBT → RECALLED /
 * RECALL_FAILED, or CANCELLED.
 */
public enum DeliveryStatus {

	QUEUED, SENDING, SENT, FAILED, IN_DOUBT, RECALLED, RECALL_FAILED, CANCELLED

}
