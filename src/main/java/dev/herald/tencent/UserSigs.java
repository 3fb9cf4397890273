package dev.herald.tencent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * TLSSigAPIv2 UserSig: HMAC-SHA256 over four fixed lines, wrapped in a small JSON object,
 * zlib-compressed and base64-encoded with a URL-safe substitution. Written in-house
 * (about 60 lines of JDK code) instead of shipping the official jar and its org.json; the
 * tests hold it against that jar (test scope only).
 */
public final class UserSigs {

	private static final String VERSION = "2.0";

	private static final int MAX_INFLATED_BYTES = 64 * 1024;

	private UserSigs() {
	}

	/**
	 * A UserSig valid from {@code timeSeconds} for {@code expireSeconds}.
	 * @param key the console key string, used as UTF-8 bytes (not hex-decoded)
	 */
	public static String generate(long sdkAppId, String key, String identifier, long expireSeconds, long timeSeconds) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("TLS.ver", VERSION);
		doc.put("TLS.identifier", identifier);
		doc.put("TLS.sdkappid", sdkAppId);
		doc.put("TLS.expire", expireSeconds);
		doc.put("TLS.time", timeSeconds);
		doc.put("TLS.sig", hmac(key, identifier, sdkAppId, timeSeconds, expireSeconds));
		byte[] compressed = deflate(TencentJson.toBytes(doc));
		return Base64.getEncoder().encodeToString(compressed).replace('+', '*').replace('/', '-').replace('=', '_');
	}

	/** The inner {@code TLS.sig}: standard base64 (with padding) of the HMAC. */
	public static String hmac(String key, String identifier, long sdkAppId, long timeSeconds, long expireSeconds) {
		String content = "TLS.identifier:" + identifier + "\n" + "TLS.sdkappid:" + sdkAppId + "\n" + "TLS.time:"
				+ timeSeconds + "\n" + "TLS.expire:" + expireSeconds + "\n";
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA256 is mandatory in every JDK; an empty key is the only realistic
			// cause.
			throw new IllegalStateException("Cannot compute the UserSig HMAC (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Reads a UserSig back (for tests and the simulator). Messages of the exception never
	 * quote the input.
	 * @throws IllegalArgumentException when the text is not a well-formed v2 UserSig
	 */
	public static Decoded decode(String userSig) {
		byte[] compressed;
		try {
			compressed = Base64.getDecoder()
				.decode(userSig.strip().replace('*', '+').replace('-', '/').replace('_', '='));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("UserSig is not base64");
		}
		JsonNode doc;
		try {
			doc = TencentJson.mapper().readTree(inflate(compressed));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("UserSig does not hold JSON");
		}
		if (doc == null || !doc.isObject() || !doc.path("TLS.identifier").isString() || !doc.path("TLS.sig").isString()
				|| !doc.path("TLS.sdkappid").isIntegralNumber() || !doc.path("TLS.time").isIntegralNumber()
				|| !doc.path("TLS.expire").isIntegralNumber()) {
			throw new IllegalArgumentException("UserSig lacks required TLS fields");
		}
		return new Decoded(doc.path("TLS.ver").asString(""), doc.path("TLS.identifier").stringValue(),
				doc.path("TLS.sdkappid").longValue(), doc.path("TLS.time").longValue(),
				doc.path("TLS.expire").longValue(), doc.path("TLS.sig").stringValue());
	}

	/** SHA-256 prefix of a key: identifies it in cache keys without revealing it. */
	static String fingerprint(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 unavailable");
		}
	}

	private static byte[] deflate(byte[] input) {
		Deflater deflater = new Deflater();
		try {
			deflater.setInput(input);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
			byte[] buffer = new byte[512];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] inflate(byte[] input) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(input);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[512];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalArgumentException("UserSig is truncated");
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_INFLATED_BYTES) {
					throw new IllegalArgumentException("UserSig is too large");
				}
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("UserSig is not zlib data");
		}
		finally {
			inflater.end();
		}
	}

	/**
	 * The fields of a decoded UserSig. {@link #toString()} hides the signature.
	 */
	public record Decoded(String version, String identifier, long sdkAppId, long time, long expire, String sig) {

		/** Recomputes the HMAC with {@code key} and compares in constant time. */
		public boolean verify(String key) {
			byte[] expected = hmac(key, this.identifier, this.sdkAppId, this.time, this.expire)
				.getBytes(StandardCharsets.UTF_8);
			return MessageDigest.isEqual(expected, this.sig.getBytes(StandardCharsets.UTF_8));
		}

		/** Tencent's rule: expired when now is past time + expire. */
		public boolean isExpiredAt(long epochSeconds) {
			return epochSeconds > this.time + this.expire;
		}

		@Override
		public String toString() {
			return "Decoded[version=" + this.version + ", identifier=" + this.identifier + ", sdkAppId=" + this.sdkAppId
					+ ", time=" + this.time + ", expire=" + this.expire + ", sig=" + Redaction.MASK + "]";
		}

	}

}
