/**
 * Web plumbing shared by every page: the viewer's language and time zone, telling htmx
 * requests from page requests, input trimming, error and refusal pages.
 */
@NullMarked
package dev.herald.shared.web;

import org.jspecify.annotations.NullMarked;
