package dev.herald.staff;

import java.util.Set;

import dev.herald.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Outside demo mode, the first administrator comes from {@code HERALD_ADMIN_USERNAME} and
 * {@code HERALD_ADMIN_PASSWORD} on a start with no users at all; later starts ignore
 * them.
 */
@Component
@Order(1)
class InitialAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final DemoMode demoMode;

	private final StaffUsers users;

	private final Environment environment;

	InitialAdministrator(DemoMode demoMode, StaffUsers users, Environment environment) {
		this.demoMode = demoMode;
		this.users = users;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demoMode.enabled() || this.users.any()) {
			return;
		}
		String username = this.environment.getProperty("herald.admin.username", "admin");
		String password = this.environment.getProperty("herald.admin.password");
		if (!StringUtils.hasText(password)) {
			log.warn("No staff user exists yet. Set HERALD_ADMIN_PASSWORD (and optionally HERALD_ADMIN_USERNAME) "
					+ "and restart to create the first administrator.");
			return;
		}
		this.users.create(username, "Administrator", password, Set.of(Role.ADMIN));
		log.info("Created the first administrator '{}' from HERALD_ADMIN_USERNAME/HERALD_ADMIN_PASSWORD", username);
	}

}
