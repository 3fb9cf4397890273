package dev.herald.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed events between modules are handed out again.
 *
 * @param redeliveryInterval how often failed publications are looked for
 * @param redeliverAfter how long a publication stays failed before it is handed out again
 */
@ConfigurationProperties("herald.events")
record ModuleEventsProperties(@DefaultValue("PT30S") Duration redeliveryInterval,
		@DefaultValue("PT30S") Duration redeliverAfter) {
}
