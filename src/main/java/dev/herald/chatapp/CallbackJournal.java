package dev.herald.chatapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each Chat app's page says about its callbacks: the last accepted and the last
 * refused one (and why), and Tencent's last warning that a rate threshold is near.
 */
@Service
public class CallbackJournal {

	private final JdbcClient jdbc;

	CallbackJournal(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Notes an accepted callback, at most once a second per app. A plain UPDATE that
	 * finds the line fresh locks nothing, so a burst of after-send callbacks does not
	 * queue behind one row; only an app's first callback inserts it.
	 */
	@Transactional
	public void accepted(long chatAppId, String command, Instant at) {
		Timestamp time = Timestamp.from(at);
		int updated = this.jdbc.sql("""
				update chat_app_callback_status set last_accepted_at = :at, last_accepted_command = :command
				where chat_app_id = :app
				  and (last_accepted_at is null or last_accepted_at < :before)
				""")
			.param("app", chatAppId)
			.param("at", time)
			.param("before", Timestamp.from(at.minusSeconds(1)))
			.param("command", clip(command))
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into chat_app_callback_status (chat_app_id, last_accepted_at, last_accepted_command)
					values (:app, :at, :command)
					on conflict (chat_app_id) do nothing
					""").param("app", chatAppId).param("at", time).param("command", clip(command)).update();
		}
	}

	/** Notes a refused callback and why; refusals are rare enough to write each. */
	@Transactional
	public void refused(long chatAppId, String reason, String command, Instant at) {
		this.jdbc
			.sql("""
					insert into chat_app_callback_status (chat_app_id, last_refused_at, last_refused_reason, last_refused_command)
					values (:app, :at, :reason, :command)
					on conflict (chat_app_id) do update
					  set last_refused_at = excluded.last_refused_at,
					      last_refused_reason = excluded.last_refused_reason,
					      last_refused_command = excluded.last_refused_command
					""")
			.param("app", chatAppId)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("command", clip(command))
			.update();
	}

	/**
	 * Notes Tencent's {@code Alert.RequestOverLimit}: an API of this app ran above 80 %
	 * of its rate threshold.
	 */
	@Transactional
	public void rateAlert(long chatAppId, String command, int requests, int limit, Instant at) {
		this.jdbc.sql("""
				insert into chat_app_callback_status (chat_app_id, rate_alert_at, rate_alert_command,
				  rate_alert_requests, rate_alert_limit)
				values (:app, :at, :command, :requests, :limit)
				on conflict (chat_app_id) do update
				  set rate_alert_at = excluded.rate_alert_at, rate_alert_command = excluded.rate_alert_command,
				      rate_alert_requests = excluded.rate_alert_requests, rate_alert_limit = excluded.rate_alert_limit
				""")
			.param("app", chatAppId)
			.param("at", Timestamp.from(at))
			.param("command", clip(command))
			.param("requests", requests)
			.param("limit", limit)
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<CallbackStatus> status(long chatAppId) {
		return this.jdbc.sql("""
				select s.last_accepted_at, s.last_accepted_command, s.last_refused_at, s.last_refused_reason,
				       s.last_refused_command, s.rate_alert_at, s.rate_alert_command, s.rate_alert_requests,
				       s.rate_alert_limit, a.id, a.name
				from chat_app_callback_status s join chat_app a on a.id = s.chat_app_id
				where s.chat_app_id = :app
				""").param("app", chatAppId).query(CallbackJournal::status).optional();
	}

	/**
	 * The rate warnings Tencent sent since the given time, newest first, for the
	 * dashboard.
	 */
	@Transactional(readOnly = true)
	public List<RateAlert> rateAlertsSince(Instant since) {
		return this.jdbc.sql("""
				select a.id, a.name, s.rate_alert_at, s.rate_alert_command, s.rate_alert_requests, s.rate_alert_limit
				from chat_app_callback_status s join chat_app a on a.id = s.chat_app_id
				where s.rate_alert_at >= :since
				order by s.rate_alert_at desc
				""")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new RateAlert(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4),
					rs.getInt(5), rs.getInt(6)))
			.list();
	}

	private static CallbackStatus status(ResultSet rs, int row) throws SQLException {
		Instant alertAt = instantOrNull(rs, 6);
		return new CallbackStatus(instantOrNull(rs, 1), rs.getString(2), instantOrNull(rs, 3), rs.getString(4),
				rs.getString(5), (alertAt != null) ? new RateAlert(rs.getLong(10), rs.getString(11), alertAt,
						rs.getString(7), rs.getInt(8), rs.getInt(9)) : null);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String clip(String command) {
		return (command.length() > 100) ? command.substring(0, 100) : command;
	}

	/**
	 * The callback state of one app.
	 *
	 * @param lastRefusedReason a {@code callback.refused.*} reason key suffix
	 */
	public record CallbackStatus(@Nullable Instant lastAcceptedAt, @Nullable String lastAcceptedCommand,
			@Nullable Instant lastRefusedAt, @Nullable String lastRefusedReason, @Nullable String lastRefusedCommand,
			@Nullable RateAlert rateAlert) {
	}

	/**
	 * Tencent's warning that an API ran above 80 % of its rate threshold.
	 *
	 * @param command the API (Tencent's command word)
	 * @param requests the calls per second Tencent saw
	 * @param limit the threshold
	 */
	public record RateAlert(long chatAppId, String appName, Instant at, String command, int requests, int limit) {
	}

}
