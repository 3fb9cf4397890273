package dev.herald.shared;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides demo mode before any bean exists, so conditions can use it: on when Herald runs
 * on its embedded database and nobody said otherwise. Demo mode then switches the
 * built-in simulator on unless configured explicitly.
 */
class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				&& environment.getProperty("herald.database.embedded.enabled", Boolean.class, true);
		boolean demo = environment.getProperty("herald.demo", Boolean.class, embedded);
		defaults.put("herald.demo", demo);
		if (demo && environment.getProperty("herald.simulator.enabled") == null) {
			defaults.put("herald.simulator.enabled", true);
		}
		environment.getPropertySources().addLast(new MapPropertySource("heraldDemoDefaults", defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
