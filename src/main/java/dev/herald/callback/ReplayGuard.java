package dev.herald.callback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers the signed callbacks accepted in the last minutes, across all nodes, so the
 * same signed request cannot be played again while its {@code RequestTime} is still
 * fresh. Tencent's Sign covers only the token and the second, so two real callbacks in
 * one second share it; the body's digest tells them apart.
 */
@Component
class ReplayGuard {

	// Old rows are deleted every this many callbacks, not on every one.
	private static final int PURGE_EVERY = 500;

	private final JdbcClient jdbc;

	private final CallbackProperties properties;

	private final AtomicInteger sincePurge = new AtomicInteger(PURGE_EVERY);

	ReplayGuard(JdbcClient jdbc, CallbackProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Records a signed callback in the caller's transaction, so one whose handling fails
	 * is not remembered.
	 * @return {@code false} when the same signed callback was accepted before
	 */
	boolean firstSeen(long sdkAppId, String sign, byte[] body, Instant now) {
		if (this.sincePurge.incrementAndGet() >= PURGE_EVERY) {
			this.sincePurge.set(0);
			// A replay can come at most two skews after the original: both lie within one
			// skew of the same RequestTime.
			this.jdbc.sql("delete from callback_signature where accepted_at < :before")
				.param("before", Timestamp.from(now.minus(this.properties.maxClockSkew().multipliedBy(2))))
				.update();
		}
		return this.jdbc.sql("""
				insert into callback_signature (sdk_app_id, sign, body_sha256, accepted_at)
				values (:app, :sign, :digest, :at)
				on conflict do nothing""")
			.param("app", sdkAppId)
			.param("sign", sign.toLowerCase(Locale.ROOT))
			.param("digest", CallbackSignature.sha256(body))
			.param("at", Timestamp.from(now))
			.update() == 1;
	}

}
