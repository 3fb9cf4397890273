package dev.herald.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.herald.delivery.DeliverySql;
import dev.herald.delivery.DeliveryStatus;

/**
 * The delivery statuses as reports group them, by name: reports read the delivery tables
 * with SQL and count rows by the status column.
 */
final class DeliveryStatuses {

	static final List<String> ALL = Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::name).toList();

	/** The message reached the official account (a later recall does not undo that). */
	static final Set<String> DELIVERED = names(DeliveryStatus.DELIVERED);

	/** Tencent holds the message and it is not recalled yet. */
	static final Set<String> RECALLABLE = names(DeliveryStatus.RECALLABLE);

	/** Outcomes that count for the success rate: delivered, failed or in doubt. */
	private static final List<DeliveryStatus> DECIDED_STATUSES = Stream
		.concat(DeliveryStatus.DELIVERED.stream(), Stream.of(DeliveryStatus.FAILED, DeliveryStatus.IN_DOUBT))
		.toList();

	static final Set<String> DECIDED = names(DECIDED_STATUSES);

	/** SQL list of {@link #DELIVERED}, for aggregate filters. */
	static final String DELIVERED_SQL = DeliverySql.in(DeliveryStatus.DELIVERED);

	/** SQL list of {@link #DECIDED}. */
	static final String DECIDED_SQL = DeliverySql.in(DECIDED_STATUSES);

	private DeliveryStatuses() {
	}

	private static Set<String> names(Collection<DeliveryStatus> statuses) {
		return statuses.stream().map(DeliveryStatus::name).collect(Collectors.toUnmodifiableSet());
	}

}
