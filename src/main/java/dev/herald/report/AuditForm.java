package dev.herald.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The audit log's filter as it travels in the URL: actor, action, object type and id, and
 * days in the viewer's zone (both ends included).
 */
class AuditForm extends DayRangeFilter {

	private @Nullable String actor;

	private @Nullable String action;

	private @Nullable String objectType;

	private @Nullable String objectId;

	/** The where clause over {@code audit_event e} and its parameters. */
	HistoryQuery.Sql where(ZoneId zone, boolean withCursor) {
		StringBuilder sql = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		Instant from = fromInstant(zone);
		if (from != null) {
			sql.append(" and e.occurred_at >= :from");
			params.put("from", Timestamp.from(from));
		}
		Instant until = untilInstant(zone);
		if (until != null) {
			sql.append(" and e.occurred_at < :until");
			params.put("until", Timestamp.from(until));
		}
		if (this.actor != null) {
			sql.append(" and e.actor = :actor");
			params.put("actor", this.actor);
		}
		if (this.action != null) {
			sql.append(" and e.action = :action");
			params.put("action", this.action);
		}
		if (this.objectType != null) {
			sql.append(" and e.object_type = :objectType");
			params.put("objectType", this.objectType);
		}
		if (this.objectId != null) {
			sql.append(" and e.object_id = :objectId");
			params.put("objectId", this.objectId);
		}
		Cursor cursor = Cursor.parse(getAfter());
		if (withCursor && cursor != null) {
			sql.append(" and (e.occurred_at, e.id) < (:afterTime, :afterId)");
			params.put("afterTime", Timestamp.from(cursor.time()));
			params.put("afterId", cursor.id());
		}
		return new HistoryQuery.Sql(sql.toString(), params);
	}

	@Override
	void addParameters(Map<String, Object> parameters) {
		put(parameters, "actor", this.actor);
		put(parameters, "action", this.action);
		put(parameters, "objectType", this.objectType);
		put(parameters, "objectId", this.objectId);
	}

	public @Nullable String getActor() {
		return this.actor;
	}

	public void setActor(@Nullable String actor) {
		this.actor = actor;
	}

	public @Nullable String getAction() {
		return this.action;
	}

	public void setAction(@Nullable String action) {
		this.action = action;
	}

	public @Nullable String getObjectType() {
		return this.objectType;
	}

	public void setObjectType(@Nullable String objectType) {
		this.objectType = objectType;
	}

	public @Nullable String getObjectId() {
		return this.objectId;
	}

	public void setObjectId(@Nullable String objectId) {
		this.objectId = objectId;
	}

}
