package dev.herald.delivery;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * SQL over the delivery tables that other modules reading them (reports) share with the
 * engine, so each rule is written once. Expressions name the delivery table {@code d}.
 */
public final class DeliverySql {

	/**
	 * When Tencent took a delivery's message, which starts its recall period: Tencent's
	 * MsgTime (seconds; 0 when an answer lacked it), else the end of the call that sent
	 * it, else when the row was made (rows seeded without either).
	 */
	public static final String SENT_AT = "coalesce(to_timestamp(nullif(d.msg_time, 0)), d.last_attempt_at, d.created_at)";

	/**
	 * A delivery whose message Tencent holds and which is not recalled yet: the predicate
	 * of the partial index {@code ix_delivery_run_sent}.
	 */
	public static final String HAS_MESSAGE = "d.status in " + in(DeliveryStatus.RECALLABLE)
			+ " and d.msg_key is not null";

	/**
	 * {@link DeliveryStatus#ACTIVE} as an SQL list, as the partial due index spells it.
	 */
	static final String ACTIVE = in(DeliveryStatus.ACTIVE);

	private DeliverySql() {
	}

	/**
	 * Statuses as an SQL list in their iteration order, e.g. {@code ('SENT', 'FAILED')}.
	 * @param statuses the statuses
	 * @return the list, for {@code status in ...}
	 */
	public static String in(Collection<DeliveryStatus> statuses) {
		return statuses.stream().map((status) -> "'" + status.name() + "'").collect(Collectors.joining(", ", "(", ")"));
	}

}
