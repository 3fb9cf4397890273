package dev.herald.simulator;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulator inside Herald ({@code herald.simulator.*}). Off unless enabled: it must
 * never answer in production.
 *
 * @param enabled whether Herald serves the simulator under {@code /sim}
 * @param apps the apps (with their official accounts) registered at start-up; more can be
 * added through the admin API
 */
@ConfigurationProperties("herald.simulator")
record SimulatorProperties(boolean enabled, @Nullable List<AppSpec> apps) {

	SimulatorProperties {
		apps = (apps != null) ? List.copyOf(apps) : List.of();
	}

}
