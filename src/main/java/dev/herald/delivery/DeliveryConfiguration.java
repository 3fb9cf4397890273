package dev.herald.delivery;

import java.time.Clock;

import dev.herald.chatapp.ChatApps;
import dev.herald.tencent.TencentChatClient;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

	@Bean
	DeliveryMetrics deliveryMetrics(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable();
		return (meters != null) ? new DeliveryMetrics(meters) : DeliveryMetrics.none();
	}

	@Bean
	Dispatcher dispatcher(DeliveryProperties properties, DeliveryStore store, TransactionTemplate transactions,
			TencentChatClient client, ChatApps apps, Clock clock, DeliveryMetrics metrics,
			ApplicationEventPublisher events) {
		return new Dispatcher(properties, store, transactions, client, apps, clock, metrics, events);
	}

}
