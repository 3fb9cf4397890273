/**
 * Demo mode's sample data: the "Demo" Chat app on the built-in simulator, a few dozen
 * tagged official accounts, a target group and 90 days of history (approved drafts,
 * campaigns, runs, deliveries, audit lines) with two campaigns still to come; and, on
 * every start, telling the simulator about every Chat app and account that points at it.
 */
@ApplicationModule(allowedDependencies = { "chatapp", "officialaccount", "simulator", "tencent", "draft", "campaign" })
@NullMarked
package dev.herald.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
