/**
 * The home page after sign-in: what is running now, what is about to be sent, and what
 * waits for an operator's decision.
 */
@ApplicationModule(allowedDependencies = { "campaign", "chatapp", "delivery" })
@NullMarked
package dev.herald.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
