package dev.herald.delivery;

/**
 * What one call for a delivery is: a send, or a lookup in the official account's history
 * of a message that may have landed. Stored on each attempt and tagged on its metrics.
 */
enum AttemptKind {

	SEND, RECONCILE

}
