package dev.herald.shared;

import dev.herald.shared.database.EmbeddedDatabase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DemoModeConfiguration {

	@Bean
	DemoMode demoMode(Environment environment, ObjectProvider<EmbeddedDatabase> embeddedDatabase) {
		Boolean configured = environment.getProperty("herald.demo", Boolean.class);
		boolean enabled = (configured != null) ? configured : embeddedDatabase.getIfAvailable() != null;
		return new DemoMode(enabled);
	}

}
