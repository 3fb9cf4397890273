/**
 * Events between modules: stored with the transaction that publishes them (Spring
 * Modulith's JDBC registry) and handled again until their listener commits.
 */
@NullMarked
package dev.herald.shared.events;

import org.jspecify.annotations.NullMarked;
