package dev.herald.tencent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Client settings. Tencent's own backend times out after 3 s, so the response timeout
 * must be longer than that.
 *
 * @param connectTimeout TCP/TLS connect limit
 * @param responseTimeout limit from sending the request to the complete response
 * @param userSigLifetime validity written into each admin UserSig
 * @param userSigRenewAhead renew a cached UserSig this long before it expires
 */
@ConfigurationProperties("herald.tencent")
public record TencentProperties(@DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout, @DefaultValue("24h") Duration userSigLifetime,
		@DefaultValue("10m") Duration userSigRenewAhead) {

	public TencentProperties {
		requirePositive(connectTimeout, "connectTimeout");
		requirePositive(responseTimeout, "responseTimeout");
		requirePositive(userSigLifetime, "userSigLifetime");
		if (userSigRenewAhead.isNegative() || userSigRenewAhead.compareTo(userSigLifetime) >= 0) {
			throw new IllegalArgumentException(
					"herald.tencent.user-sig-renew-ahead must be >= 0 and < user-sig-lifetime");
		}
	}

	public static TencentProperties defaults() {
		return new TencentProperties(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofHours(24),
				Duration.ofMinutes(10));
	}

	private static void requirePositive(Duration value, String name) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException("herald.tencent." + name + " must be positive");
		}
	}

}
