package dev.herald.tencent;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.tencentyun.TLSSigAPIv2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Herald's UserSig against Tencent's published {@code tls-sig-api-v2} library. Both sigs
 * are unpacked here by hand (not by {@link UserSigs#decode}), so a mistake shared by
 * Herald's signer and decoder cannot hide.
 */
class UserSigsOfficialLibraryTests {

	private static final String KEY = UserSigsTests.KEY;

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource({ "1400000000, administrator, 86400", "1400123456, ops_bot-01, 15552000", "20000001, 管理员, 60",
			"1600000000, '@TOA#_news', 1" })
	void heraldSignsTheSameFieldsAndHmacAsTencent(long sdkAppId, String identifier, long expire) throws Exception {
		JsonNode tencent = unpack(new TLSSigAPIv2(sdkAppId, KEY).genUserSig(identifier, expire));
		// The library reads the clock itself; sign at the second it chose.
		long second = tencent.path("TLS.time").asLong();

		JsonNode herald = unpack(UserSigs.generate(sdkAppId, KEY, identifier, expire, second));

		assertThat(tencent.propertyNames()).containsExactlyInAnyOrder("TLS.ver", "TLS.identifier", "TLS.sdkappid",
				"TLS.expire", "TLS.time", "TLS.sig");
		assertThat(tencent.path("TLS.identifier").asString()).isEqualTo(identifier);
		assertThat(tencent.path("TLS.sdkappid").asLong()).isEqualTo(sdkAppId);
		assertThat(tencent.path("TLS.expire").asLong()).isEqualTo(expire);
		assertThat(herald).isEqualTo(tencent);
		assertThat(herald.path("TLS.sig").asString()).isEqualTo(tencent.path("TLS.sig").asString());
	}

	@ParameterizedTest
	@CsvSource({ "1400000000, administrator, 86400", "20000001, 管理员, 60" })
	void heraldReadsAndVerifiesTencentsSig(long sdkAppId, String identifier, long expire) {
		String sig = new TLSSigAPIv2(sdkAppId, KEY).genUserSig(identifier, expire);

		UserSigs.Decoded decoded = UserSigs.decode(sig);

		assertThat(decoded.identifier()).isEqualTo(identifier);
		assertThat(decoded.sdkAppId()).isEqualTo(sdkAppId);
		assertThat(decoded.expire()).isEqualTo(expire);
		assertThat(decoded.verify(KEY)).isTrue();
		assertThat(decoded.verify(KEY.toUpperCase())).isFalse();
	}

	/** Tencent's base64 variant ({@code *-_} for {@code +/=}), zlib, then JSON. */
	private JsonNode unpack(String userSig) throws DataFormatException {
		byte[] compressed = Base64.getDecoder().decode(userSig.replace('*', '+').replace('-', '/').replace('_', '='));
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[256];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				assertThat(n > 0 || !inflater.needsInput()).as("complete zlib stream").isTrue();
				out.write(buffer, 0, n);
			}
			return this.json.readTree(out.toByteArray());
		}
		finally {
			inflater.end();
		}
	}

}
