/**
 * The Tencent Cloud Chat apps Herald sends through: SDKAppID, data center, admin
 * identifier, the secret key (encrypted at rest, never shown again) and the rate limit.
 */
@ApplicationModule(allowedDependencies = { "audit", "tencent" })
@NullMarked
package dev.herald.chatapp;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
