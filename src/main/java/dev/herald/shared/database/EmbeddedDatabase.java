package dev.herald.shared.database;

/**
 * Present as a bean only while Herald runs on its embedded PostgreSQL; demo mode keys off
 * it.
 *
 * @param port the port the embedded server listens on (loopback only)
 */
public record EmbeddedDatabase(int port) {
}
