package dev.herald.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit
 * line are stored together or not at all. The actor and client address come from the
 * current request; work done by the scheduler is recorded as {@code system}.
 */
@Service
public class AuditLog {

	/** The actor recorded for work no person started, such as a scheduled send. */
	public static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.json = JsonMapper.builder().build();
		this.clock = clock;
	}

	/**
	 * Records what happened, in the caller's transaction (or a new one).
	 * @param record what happened
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditRecord record) {
		this.jdbc
			.sql("""
					insert into audit_event (occurred_at, actor, client_ip, action, object_type, object_id, before_state, after_state)
					values (:occurredAt, :actor, :clientIp, :action, :objectType, :objectId, cast(:before as jsonb), cast(:after as jsonb))""")
			.param("occurredAt", Timestamp.from(this.clock.instant()))
			.param("actor", currentActor())
			.param("clientIp", currentClientIp())
			.param("action", record.action())
			.param("objectType", record.objectType())
			.param("objectId", record.objectId())
			.param("before", toJson(record.before()))
			.param("after", toJson(record.after()))
			.update();
	}

	/**
	 * The history of one object, oldest first.
	 * @param objectType the kind of object
	 * @param objectId its id
	 * @return its audit entries
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> timeline(String objectType, Object objectId) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, client_ip, action, object_type, object_id,
				       before_state::text as before_state, after_state::text as after_state
				from audit_event where object_type = :objectType and object_id = :objectId
				order by occurred_at, id""")
			.param("objectType", objectType)
			.param("objectId", String.valueOf(objectId))
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("client_ip"), rs.getString("action"),
					rs.getString("object_type"), rs.getString("object_id"), rs.getString("before_state"),
					rs.getString("after_state")))
			.list();
	}

	private @Nullable String toJson(@Nullable Map<String, ?> state) {
		return (state != null) ? this.json.writeValueAsString(state) : null;
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// Anonymous requests are machine calls, such as Tencent's callbacks: no person
		// acted.
		boolean person = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return person ? authentication.getName() : SYSTEM;
	}

	private static @Nullable String currentClientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
