package dev.herald.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log's filter as it travels in the URL: actor, action, object type and id, and
 * days in the viewer's zone (both ends included).
 */
class AuditForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	private @Nullable String actor;

	private @Nullable String action;

	private @Nullable String objectType;

	private @Nullable String objectId;

	private @Nullable String after;

	/** The where clause over {@code audit_event e} and its parameters. */
	HistoryQuery.Sql where(ZoneId zone, boolean withCursor) {
		StringBuilder sql = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (this.from != null) {
			sql.append(" and e.occurred_at >= :from");
			params.put("from", Timestamp.from(this.from.atStartOfDay(zone).toInstant()));
		}
		if (this.to != null) {
			sql.append(" and e.occurred_at < :until");
			params.put("until", Timestamp.from(this.to.plusDays(1).atStartOfDay(zone).toInstant()));
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
		Cursor cursor = Cursor.parse(this.after);
		if (withCursor && cursor != null) {
			sql.append(" and (e.occurred_at, e.id) < (:afterTime, :afterId)");
			params.put("afterTime", Timestamp.from(cursor.time()));
			params.put("afterId", cursor.id());
		}
		return new HistoryQuery.Sql(sql.toString(), params);
	}

	Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		put(parameters, "from", this.from);
		put(parameters, "to", this.to);
		put(parameters, "actor", this.actor);
		put(parameters, "action", this.action);
		put(parameters, "objectType", this.objectType);
		put(parameters, "objectId", this.objectId);
		return parameters;
	}

	public String link(String path, @Nullable Cursor cursor, String... extra) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		parameters().forEach(uri::queryParam);
		if (cursor != null) {
			uri.queryParam("after", cursor.token());
		}
		for (int i = 0; i + 1 < extra.length; i += 2) {
			uri.queryParam(extra[i], extra[i + 1]);
		}
		return uri.encode().build().toUriString();
	}

	private static void put(Map<String, Object> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value.toString());
		}
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
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

	public @Nullable String getAfter() {
		return this.after;
	}

	public void setAfter(@Nullable String after) {
		this.after = after;
	}

}
