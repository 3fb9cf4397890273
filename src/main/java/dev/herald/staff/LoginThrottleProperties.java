package dev.herald.staff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are tolerated before a user name or a client address is locked
 * out for a while.
 *
 * @param maxFailuresPerUser failures of one user name within the window
 * @param maxFailuresPerAddress failures from one client address within the window
 * @param window how long failures are counted
 * @param lockout how long a lock lasts
 */
@ConfigurationProperties("herald.login")
record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout) {
}
