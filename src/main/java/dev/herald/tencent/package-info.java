/**
 * Adapter to Tencent Cloud Chat's Official Account REST API: the wire records, the
 * validator that mirrors the API's rules, UserSig signing and the HTTP client that turns
 * every call into a {@link dev.herald.tencent.CallResult}; and the
 * {@link dev.herald.tencent.MediaProbe} that measures the files behind media elements'
 * URLs through the {@link dev.herald.tencent.OutboundUrlGuard} (the one place Herald
 * fetches a URL someone typed).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.herald.tencent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
