package dev.herald.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per user name and per client address in PostgreSQL, so every
 * node sees the same counts, and locks a key out once it fails too often.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	boolean isLocked(String username, String address) {
		Integer locked = this.jdbc
			.sql("select count(*) from login_throttle where throttle_key in (:keys) and locked_until > :now")
			.param("keys", List.of(userKey(username), addressKey(address)))
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Integer.class)
			.single();
		return locked > 0;
	}

	@Transactional
	void recordFailure(String username, String address) {
		count(userKey(username), this.properties.maxFailuresPerUser());
		count(addressKey(address), this.properties.maxFailuresPerAddress());
	}

	@Transactional
	void recordSuccess(String username) {
		this.jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", userKey(username)).update();
	}

	private void count(String key, int maxFailures) {
		Instant now = this.clock.instant();
		Integer failures = this.jdbc.sql("""
				insert into login_throttle (throttle_key, failures, window_started_at) values (:key, 1, :now)
				on conflict (throttle_key) do update set
				  failures = case when login_throttle.window_started_at < :windowStart then 1
				                  else login_throttle.failures + 1 end,
				  window_started_at = case when login_throttle.window_started_at < :windowStart then :now
				                           else login_throttle.window_started_at end
				returning failures""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("windowStart", Timestamp.from(now.minus(this.properties.window())))
			.query(Integer.class)
			.single();
		if (failures >= maxFailures) {
			this.jdbc
				.sql("update login_throttle set locked_until = :until, failures = 0, window_started_at = :now "
						+ "where throttle_key = :key")
				.param("key", key)
				.param("now", Timestamp.from(now))
				.param("until", Timestamp.from(now.plus(this.properties.lockout())))
				.update();
		}
	}

	private static String userKey(String username) {
		return "user:" + StaffUser.normalise(username);
	}

	private static String addressKey(String address) {
		return "ip:" + address;
	}

}
