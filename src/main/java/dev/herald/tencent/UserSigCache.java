package dev.herald.tencent;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One admin UserSig per (SDKAppID, identifier, key), reused until shortly before it
 * expires. The key enters the cache key only as a fingerprint, so rotating the key in the
 * console and in Herald yields a fresh sig at once.
 */
final class UserSigCache {

	private final Clock clock;

	private final long lifetimeSeconds;

	private final long renewAheadSeconds;

	private final Map<CacheKey, Entry> entries = new ConcurrentHashMap<>();

	UserSigCache(Clock clock, Duration lifetime, Duration renewAhead) {
		this.clock = clock;
		this.lifetimeSeconds = lifetime.toSeconds();
		this.renewAheadSeconds = renewAhead.toSeconds();
	}

	String userSig(ChatAppConnection app) {
		long now = this.clock.instant().getEpochSecond();
		return this.entries
			.compute(keyOf(app), (key, entry) -> (entry != null && entry.usableAt(now)) ? entry : issue(app, now))
			.userSig();
	}

	/** Drops the cached sig, e.g. after ErrorCode 70001 (expired). */
	void invalidate(ChatAppConnection app) {
		this.entries.remove(keyOf(app));
	}

	private Entry issue(ChatAppConnection app, long now) {
		String sig = UserSigs.generate(app.sdkAppId(), app.secretKey(), app.adminIdentifier(), this.lifetimeSeconds,
				now);
		return new Entry(sig, now, now + this.lifetimeSeconds - this.renewAheadSeconds);
	}

	private static CacheKey keyOf(ChatAppConnection app) {
		return new CacheKey(app.sdkAppId(), app.adminIdentifier(), UserSigs.fingerprint(app.secretKey()));
	}

	private record CacheKey(long sdkAppId, String identifier, String keyFingerprint) {

	}

	private record Entry(String userSig, long issuedAt, long renewAt) {

		// A clock that went backwards would leave TLS.time in the future: renew then too.
		boolean usableAt(long now) {
			return now >= this.issuedAt && now < this.renewAt;
		}

		@Override
		public String toString() {
			return "Entry[issuedAt=" + this.issuedAt + ", renewAt=" + this.renewAt + "]";
		}

	}

}
