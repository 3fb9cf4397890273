/**
 * The embedded PostgreSQL default used when no datasource URL is configured, and the
 * advisory locks that serialise work across nodes.
 */
@NullMarked
package dev.herald.shared.database;

import org.jspecify.annotations.NullMarked;
