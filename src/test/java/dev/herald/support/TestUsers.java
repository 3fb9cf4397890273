package dev.herald.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff users for tests of other modules, inserted directly so that those tests do not
 * reach into the staff module's internals. A bean of every {@link ApplicationTest}
 * context (the application's component scan finds it on the test class path).
 */
@Component
public final class TestUsers {

	public static final String PASSWORD = "a fine long password";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	public TestUsers(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	/**
	 * Creates an enabled user with {@link #PASSWORD}.
	 * @param prefix start of the user name; a random suffix keeps it unique
	 * @param roles role names such as {@code OPERATOR}
	 * @return the user name
	 */
	public String create(String prefix, String... roles) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		Timestamp now = Timestamp.from(Instant.now());
		long id = this.jdbc
			.sql("""
					insert into staff_user (username, display_name, password_hash, enabled, created_at, updated_at, password_changed_at)
					values (:username, :username, :hash, true, :now, :now, :now) returning id""")
			.param("username", username)
			.param("hash", this.encoder.encode(PASSWORD))
			.param("now", now)
			.query(Long.class)
			.single();
		for (String role : roles) {
			this.jdbc.sql("insert into staff_user_role (staff_user_id, role) values (:id, :role)")
				.param("id", id)
				.param("role", role)
				.update();
		}
		return username;
	}

}
