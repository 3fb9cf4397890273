package dev.herald.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL default.
 *
 * @param dataDir where the data lives between restarts (git-ignored)
 * @param port the port to listen on, 0 for any free port
 */
@ConfigurationProperties("herald.database.embedded")
record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDir, @DefaultValue("0") int port) {
}
