package dev.herald.chatapp;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One Tencent Cloud Chat app. The secret key is held only as ciphertext; nothing here
 * hands it out in clear.
 */
@Entity
@Table(name = "chat_app")
class ChatApp {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	private long sdkAppId;

	@Enumerated(EnumType.STRING)
	private Endpoint endpoint;

	private @Nullable String customBaseUrl;

	private String adminIdentifier;

	private String secretKeyCipher;

	private int rateLimitPerSecond;

	private @Nullable String callbackTokenCipher;

	private boolean allowUnsignedCallbacks;

	private int messageHistoryDays;

	private Instant createdAt;

	private Instant updatedAt;

	/** When an admin disabled the app; {@code null} while it is enabled. */
	private @Nullable Instant disabledAt;

	@Version
	private long version;

	@SuppressWarnings("NullAway.Init")
	protected ChatApp() {
	}

	ChatApp(ChatAppSettings settings, String secretKeyCipher, Instant now) {
		apply(settings, now);
		this.secretKeyCipher = secretKeyCipher;
		this.createdAt = now;
	}

	void update(ChatAppSettings settings, @Nullable String newSecretKeyCipher, Instant now) {
		apply(settings, now);
		if (newSecretKeyCipher != null) {
			this.secretKeyCipher = newSecretKeyCipher;
		}
	}

	private void apply(ChatAppSettings settings, Instant now) {
		this.name = settings.name();
		this.sdkAppId = settings.sdkAppId();
		this.endpoint = settings.endpoint();
		this.customBaseUrl = (settings.endpoint() == Endpoint.CUSTOM) ? settings.customBaseUrl() : null;
		this.adminIdentifier = settings.adminIdentifier();
		this.rateLimitPerSecond = settings.rateLimitPerSecond();
		this.messageHistoryDays = settings.messageHistoryDays();
		this.allowUnsignedCallbacks = settings.allowUnsignedCallbacks();
		this.updatedAt = now;
	}

	/**
	 * Sets or removes the callback token Tencent signs callbacks with.
	 * @param cipher the encrypted token, or {@code null} to remove it
	 */
	void changeCallbackToken(@Nullable String cipher, Instant now) {
		this.callbackTokenCipher = cipher;
		this.updatedAt = now;
	}

	@Nullable String getCallbackTokenCipher() {
		return this.callbackTokenCipher;
	}

	boolean hasCallbackToken() {
		return this.callbackTokenCipher != null;
	}

	/**
	 * Keeps the app out of new campaigns; what is already scheduled is not touched.
	 * @return whether anything changed (disabling twice is harmless)
	 */
	boolean disable(Instant now) {
		if (this.disabledAt != null) {
			return false;
		}
		this.disabledAt = now;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Offers the app to new campaigns again.
	 * @return whether anything changed
	 */
	boolean enable(Instant now) {
		if (this.disabledAt == null) {
			return false;
		}
		this.disabledAt = null;
		this.updatedAt = now;
		return true;
	}

	boolean isEnabled() {
		return this.disabledAt == null;
	}

	@Nullable Instant getDisabledAt() {
		return this.disabledAt;
	}

	ChatAppSettings settings() {
		return new ChatAppSettings(this.name, this.sdkAppId, this.endpoint, this.customBaseUrl, this.adminIdentifier,
				this.rateLimitPerSecond, this.messageHistoryDays, this.allowUnsignedCallbacks);
	}

	@Nullable Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	long getSdkAppId() {
		return this.sdkAppId;
	}

	Endpoint getEndpoint() {
		return this.endpoint;
	}

	@Nullable String getCustomBaseUrl() {
		return this.customBaseUrl;
	}

	String getAdminIdentifier() {
		return this.adminIdentifier;
	}

	String getSecretKeyCipher() {
		return this.secretKeyCipher;
	}

	int getRateLimitPerSecond() {
		return this.rateLimitPerSecond;
	}

	int getMessageHistoryDays() {
		return this.messageHistoryDays;
	}

	boolean isAllowUnsignedCallbacks() {
		return this.allowUnsignedCallbacks;
	}

	long getVersion() {
		return this.version;
	}

}
