package dev.herald.simulator;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulator's beans inside Herald, only when {@code herald.simulator.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("herald.simulator.enabled")
class SimulatorConfiguration {

	@Bean
	OfficialAccountSimulator officialAccountSimulator(SimulatorProperties properties, ObjectProvider<Clock> clock) {
		// Herald's shared Clock when there is one, so tests that move time move the fake
		// too.
		return new OfficialAccountSimulator(clock.getIfAvailable(Clock::systemUTC), properties.apps());
	}

	@Bean
	SimulatorDirectory simulatorDirectory(OfficialAccountSimulator simulator) {
		return new SimulatorDirectory(simulator);
	}

	@Bean
	SimulatorAdmin simulatorAdmin(OfficialAccountSimulator simulator) {
		return new SimulatorAdmin(simulator);
	}

}
