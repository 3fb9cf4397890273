/**
 * Drafts: the content of one broadcast, composed element by element, saved as immutable
 * versions and approved by a second person (four-eyes). Other modules read approved
 * versions through {@link dev.herald.draft.ApprovedVersions}.
 */
@ApplicationModule(allowedDependencies = { "audit", "chatapp", "delivery", "officialaccount", "tencent" })
@NullMarked
package dev.herald.draft;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
