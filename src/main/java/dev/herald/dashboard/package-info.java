/**
 * The home page after sign-in: what is running now, what is about to be sent, and what
 * waits for an operator's decision or an editor's review.
 */
@ApplicationModule(allowedDependencies = { "campaign", "chatapp", "delivery", "draft" })
@NullMarked
package dev.herald.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
