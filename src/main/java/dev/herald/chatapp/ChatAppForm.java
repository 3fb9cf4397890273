package dev.herald.chatapp;

import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The admin's Chat app form. The secret key is write-only: left blank on edit, the stored
 * one stays.
 */
class ChatAppForm {

	@NotBlank
	@Size(max = 80)
	private @Nullable String name;

	@NotNull
	@Range(min = 1, max = 4_294_967_295L)
	private @Nullable Long sdkAppId;

	@NotNull
	private @Nullable Endpoint endpoint = Endpoint.SINGAPORE;

	@Size(max = 300)
	@Pattern(regexp = "(https?://\\S+)?")
	private @Nullable String customBaseUrl;

	@NotBlank
	@Size(max = 32)
	@Pattern(regexp = "\\S+")
	private @Nullable String adminIdentifier = "administrator";

	@Size(max = 200)
	private @Nullable String secretKey;

	// The bounds of the database's check constraint.
	@NotNull
	@Range(min = 1, max = 1000)
	private @Nullable Integer rateLimitPerSecond = 200;

	@NotNull
	private @Nullable Integer messageHistoryDays = 7;

	// Write-only like the secret key: left blank on edit, the stored one stays.
	@Size(max = 200)
	@Pattern(regexp = "\\S*")
	private @Nullable String callbackToken;

	private boolean removeCallbackToken;

	private boolean allowUnsignedCallbacks;

	private long version;

	static ChatAppForm of(ChatApp app) {
		ChatAppForm form = new ChatAppForm();
		ChatAppSettings settings = app.settings();
		form.name = settings.name();
		form.sdkAppId = settings.sdkAppId();
		form.endpoint = settings.endpoint();
		form.customBaseUrl = settings.customBaseUrl();
		form.adminIdentifier = settings.adminIdentifier();
		form.rateLimitPerSecond = settings.rateLimitPerSecond();
		form.messageHistoryDays = settings.messageHistoryDays();
		form.allowUnsignedCallbacks = settings.allowUnsignedCallbacks();
		form.version = app.getVersion();
		return form;
	}

	ChatAppSettings toSettings() {
		return new ChatAppSettings(Objects.requireNonNull(this.name), Objects.requireNonNull(this.sdkAppId),
				Objects.requireNonNull(this.endpoint), this.customBaseUrl, Objects.requireNonNull(this.adminIdentifier),
				Objects.requireNonNull(this.rateLimitPerSecond), Objects.requireNonNull(this.messageHistoryDays),
				this.allowUnsignedCallbacks);
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Long getSdkAppId() {
		return this.sdkAppId;
	}

	public void setSdkAppId(@Nullable Long sdkAppId) {
		this.sdkAppId = sdkAppId;
	}

	public @Nullable Endpoint getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable Endpoint endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable String getCustomBaseUrl() {
		return this.customBaseUrl;
	}

	public void setCustomBaseUrl(@Nullable String customBaseUrl) {
		this.customBaseUrl = customBaseUrl;
	}

	public @Nullable String getAdminIdentifier() {
		return this.adminIdentifier;
	}

	public void setAdminIdentifier(@Nullable String adminIdentifier) {
		this.adminIdentifier = adminIdentifier;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public @Nullable Integer getRateLimitPerSecond() {
		return this.rateLimitPerSecond;
	}

	public void setRateLimitPerSecond(@Nullable Integer rateLimitPerSecond) {
		this.rateLimitPerSecond = rateLimitPerSecond;
	}

	public @Nullable Integer getMessageHistoryDays() {
		return this.messageHistoryDays;
	}

	public void setMessageHistoryDays(@Nullable Integer messageHistoryDays) {
		this.messageHistoryDays = messageHistoryDays;
	}

	public @Nullable String getCallbackToken() {
		return this.callbackToken;
	}

	public void setCallbackToken(@Nullable String callbackToken) {
		this.callbackToken = callbackToken;
	}

	public boolean isRemoveCallbackToken() {
		return this.removeCallbackToken;
	}

	public void setRemoveCallbackToken(boolean removeCallbackToken) {
		this.removeCallbackToken = removeCallbackToken;
	}

	public boolean isAllowUnsignedCallbacks() {
		return this.allowUnsignedCallbacks;
	}

	public void setAllowUnsignedCallbacks(boolean allowUnsignedCallbacks) {
		this.allowUnsignedCallbacks = allowUnsignedCallbacks;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
