package dev.herald.tencent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for fetching a media file from a URL someone typed.
 *
 * @param connectTimeout TCP/TLS connect limit
 * @param readTimeout longest wait for the next bytes of an answer
 * @param deadline longest time for the whole probe, redirects and reading included
 * @param maxSize largest file Herald measures; larger is refused
 * @param maxRedirects redirects followed, each checked like the first URL
 */
@ConfigurationProperties("herald.media")
public record MediaProbeProperties(@DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("30s") Duration deadline,
		@DefaultValue("100MB") DataSize maxSize, @DefaultValue("3") int maxRedirects) {

	public MediaProbeProperties {
		if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()
				|| deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("herald.media timeouts must be positive");
		}
		if (maxSize.toBytes() <= 0 || maxRedirects < 0) {
			throw new IllegalArgumentException("herald.media.max-size must be positive, max-redirects >= 0");
		}
	}

	public static MediaProbeProperties defaults() {
		return new MediaProbeProperties(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(30),
				DataSize.ofMegabytes(100), 3);
	}

}
