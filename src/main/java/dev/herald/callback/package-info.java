/**
 * Tencent's callbacks for official accounts at {@code POST /callbacks/tencent}: the one
 * endpoint open to the internet. Every request is verified before it changes anything
 * (the app's token signature, a clock window, replay refusal, a body cap) and then handed
 * to the module that owns what it reports: deliveries sent or recalled, accounts
 * destroyed or their subscribers changed, rate warnings on the app's page.
 */
@ApplicationModule(allowedDependencies = { "chatapp", "delivery", "officialaccount" })
@NullMarked
package dev.herald.callback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
