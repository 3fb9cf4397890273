package dev.herald.shared.web;

import java.time.Instant;

/**
 * A save that lost the race: someone else changed the object after the form was opened.
 * The form comes back with the typed input, this notice and two ways on (save on top of
 * {@link #currentVersion}, or merge by hand); see {@code fragments/conflict.html}.
 *
 * @param by who made the latest recorded change
 * @param at when
 * @param actionKey the message key naming what they did
 * @param currentVersion the object's lock version now, which "save mine on top" saves
 * against
 */
public record EditConflict(String by, Instant at, String actionKey, long currentVersion) {

	/** The button that saves the typed input over the current version. */
	public static final String OVERWRITE = "overwrite";

	/** The button that shows the current values beside the typed ones. */
	public static final String MERGE = "merge";

}
