/**
 * Demo mode's sample data: the "Demo" Chat app on the built-in simulator, a handful of
 * official accounts and a target group; and, on every start, telling the simulator about
 * every Chat app and account that points at it.
 */
@ApplicationModule(allowedDependencies = { "chatapp", "officialaccount", "simulator", "tencent" })
@NullMarked
package dev.herald.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
