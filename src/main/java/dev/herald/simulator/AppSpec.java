package dev.herald.simulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A simulated Chat app, as registered from {@link SimulatorProperties} or the admin API.
 *
 * @param sdkAppId the SDKAppID
 * @param adminIdentifier the only identifier allowed to call (the app admin)
 * @param secretKey the key that UserSigs are verified with; never logged or returned
 * @param rateLimitPerSecond calls per second per API (command); 0 means 200
 * @param duplicateAnswer the answer to a dropped duplicate; {@code null} means
 * {@link DuplicateAnswer#OK_ORIGINAL}
 * @param duplicateErrorCode the error code used with {@link DuplicateAnswer#ERROR}
 * @param accounts the official accounts of this app
 * @param callbackUrl where the app's callbacks go (the URL configured in Tencent's
 * console); {@code null} for none
 * @param callbackToken the callback token that signs them; {@code null} sends them
 * unsigned, as Tencent does while no token is set
 */
record AppSpec(long sdkAppId, String adminIdentifier, String secretKey, int rateLimitPerSecond,
		@Nullable DuplicateAnswer duplicateAnswer, int duplicateErrorCode, @Nullable List<AccountSpec> accounts,
		@Nullable String callbackUrl, @Nullable String callbackToken) {

	static final int DEFAULT_RATE_LIMIT = 200;

	AppSpec {
		if (sdkAppId <= 0) {
			throw new IllegalArgumentException("sdkAppId must be positive");
		}
		if (adminIdentifier == null || adminIdentifier.isBlank()) {
			throw new IllegalArgumentException("adminIdentifier is required");
		}
		if (secretKey == null || secretKey.isBlank()) {
			throw new IllegalArgumentException("secretKey is required");
		}
		if (rateLimitPerSecond < 0) {
			throw new IllegalArgumentException("rateLimitPerSecond must not be negative");
		}
		rateLimitPerSecond = (rateLimitPerSecond != 0) ? rateLimitPerSecond : DEFAULT_RATE_LIMIT;
		duplicateAnswer = (duplicateAnswer != null) ? duplicateAnswer : DuplicateAnswer.OK_ORIGINAL;
		if (duplicateAnswer == DuplicateAnswer.ERROR && duplicateErrorCode == 0) {
			throw new IllegalArgumentException("duplicateErrorCode is required when duplicateAnswer is ERROR");
		}
		accounts = (accounts != null) ? List.copyOf(accounts) : List.of();
		if (callbackUrl != null && !callbackUrl.startsWith("http://") && !callbackUrl.startsWith("https://")) {
			throw new IllegalArgumentException("callbackUrl must be an http or https URL");
		}
	}

	// A factory, not a constructor: configuration binding needs a single constructor.
	static AppSpec of(long sdkAppId, String adminIdentifier, String secretKey) {
		return new AppSpec(sdkAppId, adminIdentifier, secretKey, 0, null, 0, null, null, null);
	}

	AppSpec withAccounts(List<AccountSpec> accounts) {
		return new AppSpec(this.sdkAppId, this.adminIdentifier, this.secretKey, this.rateLimitPerSecond,
				this.duplicateAnswer, this.duplicateErrorCode, accounts, this.callbackUrl, this.callbackToken);
	}

	AppSpec withDuplicateAnswer(@Nullable DuplicateAnswer answer, int errorCode) {
		return new AppSpec(this.sdkAppId, this.adminIdentifier, this.secretKey, this.rateLimitPerSecond, answer,
				errorCode, this.accounts, this.callbackUrl, this.callbackToken);
	}

	// The key and token must never reach a log line, even through toString().
	@Override
	public String toString() {
		return "AppSpec[sdkAppId=" + this.sdkAppId + ", adminIdentifier=" + this.adminIdentifier
				+ ", secretKey=***, rateLimitPerSecond=" + this.rateLimitPerSecond + ", duplicateAnswer="
				+ this.duplicateAnswer + ", duplicateErrorCode=" + this.duplicateErrorCode + ", accounts="
				+ this.accounts + ", callbackUrl=" + this.callbackUrl + ", callbackToken="
				+ ((this.callbackToken != null) ? "***" : "none") + "]";
	}

}
