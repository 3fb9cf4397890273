package dev.herald.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import tools.jackson.databind.json.JsonMapper;

/** A test-only TLSSigAPIv2 UserSig generator, written from the algorithm, not copied. */
final class TestUserSig {

	private TestUserSig() {
	}

	static String generate(long sdkAppId, String identifier, String key, long time, long expire) {
		String content = "TLS.identifier:" + identifier + "\n" + "TLS.sdkappid:" + sdkAppId + "\n" + "TLS.time:" + time
				+ "\n" + "TLS.expire:" + expire + "\n";
		String sig = Base64.getEncoder().encodeToString(UserSigVerifier.hmacSha256(key, content));
		String json = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"" + identifier + "\",\"TLS.sdkappid\":" + sdkAppId
				+ ",\"TLS.expire\":" + expire + ",\"TLS.time\":" + time + ",\"TLS.sig\":\"" + sig + "\"}";
		return urlSafe(deflate(json.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The {@code TLS.time} a sig was issued at, for sigs whose signer read the clock
	 * itself.
	 */
	static long time(String userSig) {
		byte[] compressed = Base64.getDecoder().decode(userSig.replace('*', '+').replace('-', '/').replace('_', '='));
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			byte[] buffer = new byte[4096];
			int length = inflater.inflate(buffer);
			if (!inflater.finished()) {
				throw new IllegalArgumentException("not a complete zlib stream");
			}
			return JsonMapper.builder().build().readTree(buffer, 0, length).path("TLS.time").asLong();
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException(ex);
		}
		finally {
			inflater.end();
		}
	}

	static String urlSafe(byte[] compressed) {
		return Base64.getEncoder().encodeToString(compressed).replace('+', '*').replace('/', '-').replace('=', '_');
	}

	static byte[] deflate(byte[] input) {
		Deflater deflater = new Deflater();
		try {
			deflater.setInput(input);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[256];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

}
