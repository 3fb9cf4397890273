/**
 * A fake of Tencent Cloud Chat's Official Account REST API (send, recall, get info,
 * get_simple history), so Herald can be demonstrated, tested and benchmarked without
 * Tencent. It depends on no other Herald module on purpose: it must behave like the
 * remote service, not like our own code. One plain-Java core
 * ({@link dev.herald.simulator.OfficialAccountSimulator}) sits behind two front doors: a
 * Spring controller inside Herald ({@code herald.simulator.enabled=true}) and a
 * standalone JDK HTTP server ({@link dev.herald.simulator.SimulatorServer}).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.herald.simulator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
