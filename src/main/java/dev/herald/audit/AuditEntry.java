package dev.herald.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log as it was stored.
 *
 * @param before JSON of the state before, or {@code null}
 * @param after JSON of the state after, or {@code null}
 */
public record AuditEntry(long id, Instant occurredAt, String actor, @Nullable String clientIp, String action,
		String objectType, String objectId, @Nullable String before, @Nullable String after) {

	/**
	 * The message key pages use to name the action.
	 * @return {@code audit.action.<action>}
	 */
	public String messageKey() {
		return "audit.action." + this.action;
	}

}
