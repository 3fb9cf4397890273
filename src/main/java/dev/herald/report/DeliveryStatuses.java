package dev.herald.report;

import java.util.List;
import java.util.Set;

/**
 * The delivery statuses as the delivery tables spell them. Reports read those tables with
 * SQL and keep their own copy of the names, so they need no type of the delivery module.
 */
final class DeliveryStatuses {

	static final List<String> ALL = List.of("QUEUED", "SENDING", "SENT", "FAILED", "IN_DOUBT", "RECALLED",
			"RECALL_FAILED", "CANCELLED");

	/** The message reached the official account (a later recall does not undo that). */
	static final Set<String> DELIVERED = Set.of("SENT", "RECALLED", "RECALL_FAILED");

	/** Outcomes that count for the success rate: delivered, failed or in doubt. */
	static final Set<String> DECIDED = Set.of("SENT", "RECALLED", "RECALL_FAILED", "FAILED", "IN_DOUBT");

	/** SQL list of {@link #DELIVERED}, for aggregate filters. */
	static final String DELIVERED_SQL = "('SENT', 'RECALLED', 'RECALL_FAILED')";

	/** SQL list of {@link #DECIDED}. */
	static final String DECIDED_SQL = "('SENT', 'RECALLED', 'RECALL_FAILED', 'FAILED', 'IN_DOUBT')";

	private DeliveryStatuses() {
	}

}
