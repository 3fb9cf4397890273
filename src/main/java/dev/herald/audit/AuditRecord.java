package dev.herald.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, as the module that did it describes it.
 *
 * @param action what happened, a dotted name such as {@code draft.approved}; pages show
 * it through the message key {@code audit.action.<action>}
 * @param objectType the kind of object, such as {@code draft}
 * @param objectId the object's id
 * @param before the relevant state before the change, or {@code null}
 * @param after the relevant state after the change (or details such as a comment), or
 * {@code null}
 */
public record AuditRecord(String action, String objectType, String objectId, @Nullable Map<String, ?> before,
		@Nullable Map<String, ?> after) {

	public static AuditRecord of(String action, String objectType, Object objectId) {
		return new AuditRecord(action, objectType, String.valueOf(objectId), null, null);
	}

	public AuditRecord withBefore(Map<String, ?> before) {
		return new AuditRecord(this.action, this.objectType, this.objectId, before, this.after);
	}

	public AuditRecord withAfter(Map<String, ?> after) {
		return new AuditRecord(this.action, this.objectType, this.objectId, this.before, after);
	}

}
