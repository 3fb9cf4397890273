package dev.herald.shared.events;

import java.time.Duration;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications to their listeners again: one whose listener threw (the
 * database blipped), or one the registry marked failed because it stayed published or
 * processing too long (the node handling it died). Restarts republish what is left, too
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Listeners are
 * idempotent, so two nodes resubmitting the same publication do no harm.
 */
@Component
class FailedEventRedelivery implements SchedulingConfigurer {

	private final FailedEventPublications failed;

	private final ResubmissionOptions options;

	private final Duration interval;

	FailedEventRedelivery(FailedEventPublications failed, ModuleEventsProperties properties) {
		this.failed = failed;
		this.options = ResubmissionOptions.defaults().withMinAge(properties.redeliverAfter());
		this.interval = properties.redeliveryInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::redeliver, this.interval);
	}

	void redeliver() {
		this.failed.resubmit(this.options);
	}

}
