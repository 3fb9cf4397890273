/**
 * The home page after sign-in: what is running now and what is about to be sent.
 */
@ApplicationModule(allowedDependencies = { "campaign", "chatapp" })
@NullMarked
package dev.herald.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
