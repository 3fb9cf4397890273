package dev.herald.tencent;

/**
 * How to reach one Chat app: its SDKAppID, the REST base URL of its data center (or of
 * the simulator), the admin identifier and the secret key that signs UserSigs.
 * {@link #toString()} never shows the key.
 *
 * @param baseUrl scheme and host, optionally a path prefix, without {@code /v4}, e.g.
 * {@code https://adminapisgp.im.qcloud.com} or {@code http://localhost:8080/sim}
 */
public record ChatAppConnection(long sdkAppId, String baseUrl, String adminIdentifier, String secretKey) {

	public ChatAppConnection {
		if (sdkAppId <= 0) {
			throw new IllegalArgumentException("sdkAppId must be positive");
		}
		if (baseUrl.isBlank()) {
			throw new IllegalArgumentException("baseUrl must not be blank");
		}
		if (adminIdentifier.isBlank()) {
			throw new IllegalArgumentException("adminIdentifier must not be blank");
		}
		if (secretKey.isEmpty()) {
			throw new IllegalArgumentException("secretKey must not be empty");
		}
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public static ChatAppConnection of(long sdkAppId, Region region, String adminIdentifier, String secretKey) {
		return new ChatAppConnection(sdkAppId, region.baseUrl(), adminIdentifier, secretKey);
	}

	@Override
	public String toString() {
		return "ChatAppConnection[sdkAppId=" + this.sdkAppId + ", baseUrl=" + this.baseUrl + ", adminIdentifier="
				+ this.adminIdentifier + ", secretKey=" + Redaction.MASK + "]";
	}

}
