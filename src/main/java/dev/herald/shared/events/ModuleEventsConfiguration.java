package dev.herald.shared.events;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Module listeners run after the publisher's commit on the task executor
 * ({@code @ApplicationModuleListener} is asynchronous), and the registry's staleness
 * monitor and {@link FailedEventRedelivery} run on the scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class ModuleEventsConfiguration {

}
