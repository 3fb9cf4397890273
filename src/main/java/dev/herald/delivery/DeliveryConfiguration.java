package dev.herald.delivery;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

	@Bean
	DeliveryMetrics deliveryMetrics(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable();
		return (meters != null) ? new DeliveryMetrics(meters) : DeliveryMetrics.none();
	}

	@Bean
	Dispatcher dispatcher(DeliveryProperties properties, Clock clock, DispatchParts parts) {
		return new Dispatcher(properties, clock, parts);
	}

}
