/**
 * Web plumbing shared by every page: language choice, input trimming, error pages.
 */
@NullMarked
package dev.herald.shared.web;

import org.jspecify.annotations.NullMarked;
