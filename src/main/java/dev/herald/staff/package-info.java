/**
 * Staff users, their roles, sign-in and the security rules of every page.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.herald.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
