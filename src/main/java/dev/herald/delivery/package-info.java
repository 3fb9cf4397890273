/**
 * The delivery engine: turns a run (content plus target official accounts) into one
 * delivery row per OA, sends them through the Tencent client within the per-app and
 * per-OA limits across every Herald node, retries, reconciles calls whose outcome is
 * unknown, pauses, resumes, cancels and recalls, and reports progress. The entry point is
 * {@link dev.herald.delivery.Deliveries}; finished runs are announced with
 * {@link dev.herald.delivery.SendRunFinished}. Deliveries in doubt that Tencent's history
 * cannot settle wait for an operator's decision on the run page; other pages count them
 * through {@link dev.herald.delivery.DecisionQueue}.
 */
@ApplicationModule(allowedDependencies = { "audit", "chatapp", "tencent" })
@NullMarked
package dev.herald.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
