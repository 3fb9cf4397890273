package dev.herald.shared.events;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications to their listeners again: one whose listener threw (the
 * database blipped), or one the registry marked failed because it stayed published or
 * processing too long (the node handling it died). Restarts republish what is left, too
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Listeners are
 * idempotent, so two nodes resubmitting the same publication do no harm.
 */
@Component
class FailedEventRedelivery {

	private final FailedEventPublications failed;

	private final ResubmissionOptions options;

	FailedEventRedelivery(FailedEventPublications failed, ModuleEventsProperties properties) {
		this.failed = failed;
		this.options = ResubmissionOptions.defaults().withMinAge(properties.redeliverAfter());
	}

	@Scheduled(initialDelayString = "${herald.events.redelivery-interval:PT30S}",
			fixedDelayString = "${herald.events.redelivery-interval:PT30S}")
	void redeliver() {
		this.failed.resubmit(this.options);
	}

}
