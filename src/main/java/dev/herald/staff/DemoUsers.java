package dev.herald.staff;

import java.util.Set;

import dev.herald.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode only: on the first start, one user per role with the password
 * {@code demo}, announced once in the log.
 */
@Component
@Order(0)
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	static final String PASSWORD = "demo";

	private final DemoMode demoMode;

	private final StaffUsers users;

	DemoUsers(DemoMode demoMode, StaffUsers users) {
		this.demoMode = demoMode;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoMode.enabled() || this.users.any()) {
			return;
		}
		this.users.create("admin", "Ada Admin", PASSWORD, Set.of(Role.ADMIN));
		this.users.create("operator", "Oscar Operator", PASSWORD, Set.of(Role.OPERATOR));
		this.users.create("editor", "Emma Editor", PASSWORD, Set.of(Role.EDITOR));
		this.users.create("analyst", "Alan Analyst", PASSWORD, Set.of(Role.ANALYST));
		log.info("""

				Demo mode: created the demo users (shown once, on first start only).
				  admin    / demo   ADMIN
				  operator / demo   OPERATOR
				  editor   / demo   EDITOR
				  analyst  / demo   ANALYST
				""");
	}

}
