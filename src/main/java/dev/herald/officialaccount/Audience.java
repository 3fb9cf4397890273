package dev.herald.officialaccount;

import java.util.List;

/**
 * What a set of {@link AudienceSource}s resolves to now.
 *
 * @param size how many distinct, not archived accounts
 * @param shares how many accounts each source matches (a source's share may overlap
 * another's)
 * @param archivedSkipped accounts the sources match that are archived, and so left out
 */
public record Audience(int size, List<Share> shares, int archivedSkipped) {

	/**
	 * One source's share of an audience.
	 *
	 * @param kind the kind of source
	 * @param name what to call it: the group's name, the tag, or empty for the whole app
	 * and single accounts (all single accounts share one line)
	 * @param accounts how many accounts it matches
	 */
	public record Share(AudienceSource.Kind kind, String name, int accounts) {

	}

}
