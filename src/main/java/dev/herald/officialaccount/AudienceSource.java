package dev.herald.officialaccount;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One source of a campaign's audience: every account of its Chat app, a target group, the
 * accounts with a tag, or one account. A campaign targets the union of its sources.
 *
 * @param kind what the source is
 * @param refId the group's or account's id, for {@link Kind#GROUP} and
 * {@link Kind#ACCOUNT}
 * @param tag the tag, for {@link Kind#TAG}
 */
public record AudienceSource(Kind kind, @Nullable Long refId, @Nullable String tag) {

	public AudienceSource {
		Objects.requireNonNull(kind, "kind");
		boolean needsRef = kind == Kind.GROUP || kind == Kind.ACCOUNT;
		if (needsRef != (refId != null) || (kind == Kind.TAG) != (tag != null)) {
			throw new IllegalArgumentException("A " + kind + " source with ref " + refId + " and tag " + tag);
		}
	}

	public static AudienceSource wholeApp() {
		return new AudienceSource(Kind.APP, null, null);
	}

	public static AudienceSource group(long id) {
		return new AudienceSource(Kind.GROUP, id, null);
	}

	public static AudienceSource tagged(String tag) {
		return new AudienceSource(Kind.TAG, null, tag);
	}

	public static AudienceSource account(long id) {
		return new AudienceSource(Kind.ACCOUNT, id, null);
	}

	/** The kinds of source. */
	public enum Kind {

		APP, GROUP, TAG, ACCOUNT

	}

}
