/**
 * What every module may use: time, the embedded database default, demo mode, the two
 * exceptions every module throws (a rule refusing a change, something not found), and the
 * web plumbing shared by all pages (locale, errors, layout helpers).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.herald.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
