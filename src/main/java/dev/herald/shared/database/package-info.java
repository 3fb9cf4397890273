/**
 * The embedded PostgreSQL default used when no datasource URL is configured.
 */
@NullMarked
package dev.herald.shared.database;

import org.jspecify.annotations.NullMarked;
