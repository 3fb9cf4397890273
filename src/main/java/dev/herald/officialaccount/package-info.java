/**
 * Official accounts per Chat app (added by hand, imported from CSV or synced from
 * Tencent) and named target groups of them.
 */
@ApplicationModule(allowedDependencies = { "audit", "chatapp", "tencent" })
@NullMarked
package dev.herald.officialaccount;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
