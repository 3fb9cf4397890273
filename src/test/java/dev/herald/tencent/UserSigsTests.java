package dev.herald.tencent;

import dev.herald.support.MutableClock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserSigsTests {

	static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	static final long SDK_APP_ID = 1400000000L;

	static final long TIME = 1700000000L;

	@Test
	void hmacMatchesVectorForAdministrator() {
		assertThat(UserSigs.hmac(KEY, "administrator", SDK_APP_ID, TIME, 86400))
			.isEqualTo("yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
	}

	@Test
	void hmacMatchesVectorForXiaojun() {
		assertThat(UserSigs.hmac(KEY, "xiaojun", SDK_APP_ID, TIME, 15552000))
			.isEqualTo("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=");
	}

	@Test
	void generatedSigRoundTripsToTheVector() {
		String userSig = UserSigs.generate(SDK_APP_ID, KEY, "administrator", 86400, TIME);

		assertThat(userSig).doesNotContain("+", "/", "=").matches("[A-Za-z0-9*\\-_]+");
		UserSigs.Decoded decoded = UserSigs.decode(userSig);
		assertThat(decoded.version()).isEqualTo("2.0");
		assertThat(decoded.identifier()).isEqualTo("administrator");
		assertThat(decoded.sdkAppId()).isEqualTo(SDK_APP_ID);
		assertThat(decoded.time()).isEqualTo(TIME);
		assertThat(decoded.expire()).isEqualTo(86400);
		assertThat(decoded.sig()).isEqualTo("yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=");
		assertThat(decoded.verify(KEY)).isTrue();
		assertThat(decoded.verify(KEY.replace('5', '6'))).isFalse();
	}

	@Test
	void secondVectorRoundTrips() {
		UserSigs.Decoded decoded = UserSigs.decode(UserSigs.generate(SDK_APP_ID, KEY, "xiaojun", 15552000, TIME));

		assertThat(decoded.sig()).isEqualTo("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=");
		assertThat(decoded.verify(KEY)).isTrue();
	}

	@Test
	void expiryFollowsTencentRule() {
		UserSigs.Decoded decoded = UserSigs.decode(UserSigs.generate(SDK_APP_ID, KEY, "administrator", 100, TIME));

		assertThat(decoded.isExpiredAt(TIME + 100)).isFalse();
		assertThat(decoded.isExpiredAt(TIME + 101)).isTrue();
	}

	@Test
	void decodeRejectsGarbageWithoutQuotingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> UserSigs.decode("not a sig at all!"))
			.withMessageNotContaining("not a sig");
		assertThatIllegalArgumentException().isThrownBy(() -> UserSigs.decode("eJyrVkrOT0lVsjIwqgUA"))
			.withMessageNotContaining("eJyr");
	}

	@Test
	void decodedToStringHidesTheSignature() {
		UserSigs.Decoded decoded = UserSigs.decode(UserSigs.generate(SDK_APP_ID, KEY, "administrator", 86400, TIME));

		assertThat(decoded.toString()).doesNotContain(decoded.sig()).contains("administrator");
	}

	@Test
	void connectionToStringHidesTheKey() {
		ChatAppConnection app = ChatAppConnection.of(SDK_APP_ID, Region.SINGAPORE, "administrator", KEY);

		assertThat(app.toString()).doesNotContain(KEY).contains("1400000000", "adminapisgp.im.qcloud.com");
	}

	@Test
	void cacheReusesSigUntilRenewalPoint() {
		MutableClock clock = new MutableClock(Instant.ofEpochSecond(TIME));
		UserSigCache cache = new UserSigCache(clock, Duration.ofHours(24), Duration.ofMinutes(10));
		ChatAppConnection app = new ChatAppConnection(SDK_APP_ID, "http://localhost", "administrator", KEY);

		String first = cache.userSig(app);
		clock.advance(Duration.ofHours(23).plusMinutes(49));
		assertThat(cache.userSig(app)).isSameAs(first);

		clock.advance(Duration.ofMinutes(1));
		String renewed = cache.userSig(app);
		assertThat(renewed).isNotEqualTo(first);
		UserSigs.Decoded decoded = UserSigs.decode(renewed);
		assertThat(decoded.time()).isEqualTo(TIME + Duration.ofHours(23).plusMinutes(50).toSeconds());
		assertThat(decoded.expire()).isEqualTo(86400);
		assertThat(decoded.verify(KEY)).isTrue();
	}

	@Test
	void cacheRenewsWhenClockGoesBackwards() {
		MutableClock clock = new MutableClock(Instant.ofEpochSecond(TIME));
		UserSigCache cache = new UserSigCache(clock, Duration.ofHours(24), Duration.ofMinutes(10));
		ChatAppConnection app = new ChatAppConnection(SDK_APP_ID, "http://localhost", "administrator", KEY);
		cache.userSig(app);

		clock.set(Instant.ofEpochSecond(TIME - 60));

		assertThat(UserSigs.decode(cache.userSig(app)).time()).isEqualTo(TIME - 60);
	}

	@Test
	void invalidateForcesANewSig() {
		MutableClock clock = new MutableClock(Instant.ofEpochSecond(TIME));
		UserSigCache cache = new UserSigCache(clock, Duration.ofHours(24), Duration.ofMinutes(10));
		ChatAppConnection app = new ChatAppConnection(SDK_APP_ID, "http://localhost", "administrator", KEY);
		String first = cache.userSig(app);
		clock.advance(Duration.ofSeconds(5));

		cache.invalidate(app);

		assertThat(cache.userSig(app)).isNotEqualTo(first);
	}

	@Test
	void cacheKeepsAppsIdentifiersAndKeysApart() {
		MutableClock clock = new MutableClock(Instant.ofEpochSecond(TIME));
		UserSigCache cache = new UserSigCache(clock, Duration.ofHours(24), Duration.ofMinutes(10));
		ChatAppConnection app = new ChatAppConnection(SDK_APP_ID, "http://localhost", "administrator", KEY);
		ChatAppConnection otherAdmin = new ChatAppConnection(SDK_APP_ID, "http://localhost", "ops", KEY);
		ChatAppConnection rotatedKey = new ChatAppConnection(SDK_APP_ID, "http://localhost", "administrator",
				KEY.toUpperCase());

		assertThat(UserSigs.decode(cache.userSig(otherAdmin)).identifier()).isEqualTo("ops");
		assertThat(UserSigs.decode(cache.userSig(rotatedKey)).verify(KEY.toUpperCase())).isTrue();
		assertThat(UserSigs.decode(cache.userSig(app)).verify(KEY)).isTrue();
	}

}
