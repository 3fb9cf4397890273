/**
 * What every module may use: time, the embedded database default, demo mode, and the web
 * plumbing shared by all pages (locale, errors, layout helpers).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.herald.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
