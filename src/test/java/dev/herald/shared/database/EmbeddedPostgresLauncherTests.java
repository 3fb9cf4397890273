package dev.herald.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresLauncherTests {

	@Test
	void keepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
		try (EmbeddedPostgres first = EmbeddedPostgresLauncher.startPersistent(dataDir, 0);
				Connection connection = first.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (value text)");
			statement.execute("insert into kept values ('still here')");
		}
		try (EmbeddedPostgres second = EmbeddedPostgresLauncher.startPersistent(dataDir, 0);
				Connection connection = second.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select value from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("still here");
		}
	}

}
