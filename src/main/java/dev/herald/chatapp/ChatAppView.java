package dev.herald.chatapp;

/**
 * What other modules and pages may know about a Chat app: everything but the secret key.
 *
 * @param id Herald's id of the app
 * @param name its display name
 * @param sdkAppId Tencent's SDKAppID
 * @param endpoint where its calls go
 * @param adminIdentifier the admin account that signs calls
 * @param rateLimitPerSecond Herald's limit of calls per second per API across all nodes
 * @param enabled {@code false} once an admin disabled it: it may not be chosen for new
 * campaigns, while what is already scheduled still sends
 */
public record ChatAppView(long id, String name, long sdkAppId, Endpoint endpoint, String adminIdentifier,
		int rateLimitPerSecond, boolean enabled) {

	static ChatAppView of(ChatApp app) {
		return new ChatAppView(java.util.Objects.requireNonNull(app.getId()), app.getName(), app.getSdkAppId(),
				app.getEndpoint(), app.getAdminIdentifier(), app.getRateLimitPerSecond(), app.isEnabled());
	}

}
