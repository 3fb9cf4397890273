package dev.herald.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DemoModeConfiguration {

	@Bean
	DemoMode demoMode(Environment environment) {
		return new DemoMode(environment.getProperty("herald.demo", Boolean.class, false));
	}

}
