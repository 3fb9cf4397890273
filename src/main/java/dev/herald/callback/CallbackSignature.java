package dev.herald.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Tencent's callback signature: {@code Sign = hex(sha256(token + RequestTime))}, carried
 * in the callback URL with {@code RequestTime} (seconds since the epoch).
 */
final class CallbackSignature {

	private CallbackSignature() {
	}

	static String sign(String token, String requestTime) {
		return HexFormat.of().formatHex(sha256((token + requestTime).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Compares in constant time, so the time taken says nothing about the right value.
	 */
	static boolean matches(String token, String requestTime, String sign) {
		byte[] expected = sign(token, requestTime).getBytes(StandardCharsets.US_ASCII);
		byte[] given = sign.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given);
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
