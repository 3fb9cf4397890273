package dev.herald.chatapp;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything about a Chat app except its secrets (the secret key and the callback token).
 *
 * @param customBaseUrl the base URL when the endpoint is {@link Endpoint#CUSTOM}
 * @param messageHistoryDays the edition's message history period (7, 30 or 90 days):
 * Tencent recalls a message only within it
 * @param allowUnsignedCallbacks whether callbacks without a signature are accepted while
 * the app has no callback token
 */
public record ChatAppSettings(String name, long sdkAppId, Endpoint endpoint, @Nullable String customBaseUrl,
		String adminIdentifier, int rateLimitPerSecond, int messageHistoryDays, boolean allowUnsignedCallbacks) {

	/** The history periods Tencent's editions offer. */
	public static final List<Integer> HISTORY_PERIODS = List.of(7, 30, 90);

	/**
	 * The shortest history period, which every edition has, and signed callbacks only.
	 */
	public ChatAppSettings(String name, long sdkAppId, Endpoint endpoint, @Nullable String customBaseUrl,
			String adminIdentifier, int rateLimitPerSecond) {
		this(name, sdkAppId, endpoint, customBaseUrl, adminIdentifier, rateLimitPerSecond, 7, false);
	}

}
