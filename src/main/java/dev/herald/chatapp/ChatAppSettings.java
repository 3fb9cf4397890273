package dev.herald.chatapp;

import org.jspecify.annotations.Nullable;

/**
 * Everything about a Chat app except its secret key.
 *
 * @param customBaseUrl the base URL when the endpoint is {@link Endpoint#CUSTOM}
 */
public record ChatAppSettings(String name, long sdkAppId, Endpoint endpoint, @Nullable String customBaseUrl,
		String adminIdentifier, int rateLimitPerSecond) {
}
