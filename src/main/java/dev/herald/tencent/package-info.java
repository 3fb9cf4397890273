/**
 * Adapter to Tencent Cloud Chat's Official Account REST API: the wire records, the
 * validator that mirrors the API's rules, UserSig signing and the HTTP client that turns
 * every call into a {@link dev.herald.tencent.CallResult}.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.herald.tencent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
