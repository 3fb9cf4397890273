package dev.herald.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a TLSSigAPIv2 UserSig the way Tencent's server does: undo the URL-safe
 * substitutions, base64-decode, zlib-inflate, read the JSON and recompute the HMAC-SHA256
 * with the app's key. Never logs the sig or the key.
 */
final class UserSigVerifier {

	static final int OK = 0;

	static final int EXPIRED = 70001;

	static final int UNPARSABLE = 70003;

	static final int SIGNATURE_MISMATCH = 70009;

	static final int IDENTIFIER_MISMATCH = 70013;

	static final int SDKAPPID_MISMATCH = 70014;

	// A real sig inflates to about 200 bytes; the cap stops a zip bomb.
	private static final int MAX_INFLATED_BYTES = 4096;

	private final JsonMapper json;

	UserSigVerifier(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Checks a sig for one call.
	 * @return {@link #OK} or the Tencent error code
	 */
	int verify(String userSig, long sdkAppId, String identifier, String secretKey, long nowEpochSeconds) {
		JsonNode sig = decode(userSig);
		if (sig == null) {
			return UNPARSABLE;
		}
		JsonNode sigIdentifier = sig.get("TLS.identifier");
		JsonNode sigAppId = sig.get("TLS.sdkappid");
		JsonNode time = sig.get("TLS.time");
		JsonNode expire = sig.get("TLS.expire");
		JsonNode hmac = sig.get("TLS.sig");
		if (sigIdentifier == null || !sigIdentifier.isString() || !isLong(sigAppId) || !isLong(time) || !isLong(expire)
				|| hmac == null || !hmac.isString()) {
			return UNPARSABLE;
		}
		if (sigAppId.asLong() != sdkAppId) {
			return SDKAPPID_MISMATCH;
		}
		if (!sigIdentifier.asString().equals(identifier)) {
			return IDENTIFIER_MISMATCH;
		}
		String content = "TLS.identifier:" + identifier + "\n" + "TLS.sdkappid:" + sdkAppId + "\n" + "TLS.time:"
				+ time.asLong() + "\n" + "TLS.expire:" + expire.asLong() + "\n";
		byte[] expected = hmacSha256(secretKey, content);
		byte[] given;
		try {
			given = Base64.getDecoder().decode(hmac.asString());
		}
		catch (IllegalArgumentException ex) {
			return SIGNATURE_MISMATCH;
		}
		if (!MessageDigest.isEqual(expected, given)) {
			return SIGNATURE_MISMATCH;
		}
		if (nowEpochSeconds > time.asLong() + expire.asLong()) {
			return EXPIRED;
		}
		return OK;
	}

	private static boolean isLong(@Nullable JsonNode node) {
		return node != null && node.isIntegralNumber() && node.canConvertToLong();
	}

	private @Nullable JsonNode decode(String userSig) {
		try {
			String base64 = userSig.replace('*', '+').replace('-', '/').replace('_', '=');
			byte[] compressed = Base64.getDecoder().decode(base64);
			JsonNode node = this.json.readTree(inflate(compressed));
			return (node != null && node.isObject()) ? node : null;
		}
		catch (IllegalArgumentException | DataFormatException | JacksonException ex) {
			return null;
		}
	}

	private static byte[] inflate(byte[] compressed) throws DataFormatException {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[512];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new DataFormatException("truncated");
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_INFLATED_BYTES) {
					throw new DataFormatException("too large");
				}
			}
			return out.toByteArray();
		}
		finally {
			inflater.end();
		}
	}

	static byte[] hmacSha256(String key, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
