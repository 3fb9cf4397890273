package dev.herald.tencent;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TencentProperties.class, MediaProbeProperties.class })
class TencentConfiguration {

	// The shared module may provide the application Clock; until then UTC system time.
	@Bean
	TencentChatClient tencentChatClient(TencentProperties properties, ObjectProvider<Clock> clock) {
		return new TencentChatClient(properties, clock.getIfAvailable(Clock::systemUTC));
	}

	/** Media files behind user-given URLs, fetched through the SSRF guard. */
	@Bean
	MediaProbe mediaProbe(MediaProbeProperties properties) {
		return new MediaProbe(properties, OutboundUrlGuard.publicInternet());
	}

}
