package dev.herald.chatapp;

import org.jspecify.annotations.Nullable;

/**
 * How callbacks naming one of our SDKAppIDs are verified.
 *
 * @param chatAppId Herald's id of the app
 * @param sdkAppId its SDKAppID
 * @param token the callback token set in Tencent's console, in clear; {@code null} when
 * none is set
 * @param allowUnsigned whether an admin accepts unsigned callbacks while no token is set
 */
public record CallbackTrust(long chatAppId, long sdkAppId, @Nullable String token, boolean allowUnsigned) {

	// The token must never reach a log line, even through toString().
	@Override
	public String toString() {
		return "CallbackTrust[chatAppId=" + this.chatAppId + ", sdkAppId=" + this.sdkAppId + ", token="
				+ ((this.token != null) ? "***" : "none") + ", allowUnsigned=" + this.allowUnsigned + "]";
	}

}
