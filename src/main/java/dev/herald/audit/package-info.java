/**
 * The audit log: who did what, when, from where, to which object, with before and after
 * where it applies. Append-only; nothing in it can be changed from the UI.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.herald.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
