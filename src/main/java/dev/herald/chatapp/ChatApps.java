package dev.herald.chatapp;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.shared.NotFoundException;
import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.LocalAddress;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.ChatAppConnection;
import dev.herald.tencent.OfficialAccountInfoRequest;
import dev.herald.tencent.OfficialAccountInfoResponse;
import dev.herald.tencent.Region;
import dev.herald.tencent.TencentChatClient;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Chat apps: kept by admins, used by everything that calls Tencent. The only way to a
 * secret key in clear is {@link #connection(long)}, which hands it straight to the
 * client.
 */
@Service
public class ChatApps {

	/**
	 * An id no official account has: "test connection" only needs the credentials
	 * checked.
	 */
	static final String PROBE_ACCOUNT = "@TOA#_herald_connection_check";

	// Answers about the probe account itself: the call was signed and accepted.
	private static final Set<Integer> PROBE_ANSWERS = Set.of(10004, 10010, 10015, 130004);

	private final ChatAppRepository apps;

	private final SecretCipher cipher;

	private final TencentChatClient client;

	private final AuditLog audit;

	private final Environment environment;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ChatApps(ChatAppRepository apps, SecretCipher cipher, TencentChatClient client, AuditLog audit,
			Environment environment, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.apps = apps;
		this.cipher = cipher;
		this.client = client;
		this.audit = audit;
		this.environment = environment;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ChatAppView> all() {
		return this.apps.findAllByOrderByNameAsc().stream().map(ChatAppView::of).toList();
	}

	/**
	 * The apps a new campaign may be created for: every app an admin has not disabled.
	 * Lists of existing things (accounts, campaigns, reports) should keep using
	 * {@link #all()} and may show {@link ChatAppView#enabled()}.
	 * @return enabled apps by name
	 */
	@Transactional(readOnly = true)
	public List<ChatAppView> enabledApps() {
		return all().stream().filter(ChatAppView::enabled).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ChatAppView> find(long id) {
		return this.apps.findById(id).map(ChatAppView::of);
	}

	@Transactional(readOnly = true)
	public ChatAppView get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("Chat app", id));
	}

	/**
	 * How to call Tencent for this app, secret key included. Never log or show the
	 * result.
	 * @param id the app
	 * @return the connection
	 */
	@Transactional(readOnly = true)
	public ChatAppConnection connection(long id) {
		ChatApp app = this.apps.findById(id).orElseThrow(() -> new NotFoundException("Chat app", id));
		return new ChatAppConnection(app.getSdkAppId(), baseUrl(app), app.getAdminIdentifier(),
				this.cipher.decrypt(app.getSecretKeyCipher()));
	}

	@Transactional(readOnly = true)
	ChatApp entity(long id) {
		return this.apps.findById(id).orElseThrow(() -> new NotFoundException("Chat app", id));
	}

	/**
	 * How callbacks that name this SDKAppID are verified, token included. Never log or
	 * show the result.
	 * @param sdkAppId the SDKAppID a callback names
	 * @return the app's trust, or empty when no app of ours has that SDKAppID
	 */
	@Transactional(readOnly = true)
	public Optional<CallbackTrust> callbackTrust(long sdkAppId) {
		return this.apps.findBySdkAppId(sdkAppId)
			.map((app) -> new CallbackTrust(Objects.requireNonNull(app.getId()), app.getSdkAppId(),
					(app.getCallbackTokenCipher() != null)
							? this.cipher.decrypt(app.getCallbackTokenCipher(), SecretCipher.Purpose.CALLBACK_TOKEN)
							: null,
					app.isAllowUnsignedCallbacks()));
	}

	@Transactional
	public ChatAppView create(ChatAppSettings settings, String secretKey) {
		return create(settings, secretKey, null);
	}

	/**
	 * Adds a Chat app.
	 * @param settings everything but the secrets
	 * @param secretKey the key UserSigs are made with
	 * @param callbackToken the token Tencent signs callbacks with, if one is set in the
	 * console
	 * @return the new app
	 */
	@Transactional
	public ChatAppView create(ChatAppSettings settings, String secretKey, @Nullable String callbackToken) {
		checkSettings(settings, null);
		ChatApp app = new ChatApp(settings, this.cipher.encrypt(secretKey), this.clock.instant());
		if (callbackToken != null) {
			app.changeCallbackToken(this.cipher.encrypt(callbackToken, SecretCipher.Purpose.CALLBACK_TOKEN),
					this.clock.instant());
		}
		app = this.apps.save(app);
		Map<String, Object> after = new LinkedHashMap<>(describe(settings));
		after.put("callbackToken", callbackToken != null);
		this.audit.record(AuditRecord.of("chatapp.created", "chatapp", app.getId()).withAfter(after));
		this.events.publishEvent(new ChatAppSaved(app.getId()));
		return ChatAppView.of(app);
	}

	/**
	 * Saves an admin's edit.
	 * @param newSecretKey a new secret key, or {@code null} to keep the stored one
	 * @param newCallbackToken a new callback token, or {@code null} to keep (or remove)
	 * the stored one
	 * @param removeCallbackToken whether to remove the stored token when no new one is
	 * given
	 */
	@Transactional
	void update(long id, long expectedVersion, ChatAppSettings settings, @Nullable String newSecretKey,
			@Nullable String newCallbackToken, boolean removeCallbackToken) {
		ChatApp app = entity(id);
		if (app.getVersion() != expectedVersion) {
			throw new OptimisticLockingFailureException("Chat app " + id + " changed");
		}
		checkSettings(settings, id);
		ChatAppSettings before = app.settings();
		app.update(settings, (newSecretKey != null) ? this.cipher.encrypt(newSecretKey) : null, this.clock.instant());
		boolean tokenChanged = newCallbackToken != null || (removeCallbackToken && app.hasCallbackToken());
		if (tokenChanged) {
			app.changeCallbackToken(
					(newCallbackToken != null)
							? this.cipher.encrypt(newCallbackToken, SecretCipher.Purpose.CALLBACK_TOKEN) : null,
					this.clock.instant());
		}
		Map<String, Object> after = new LinkedHashMap<>(describe(settings));
		after.put("secretKeyChanged", newSecretKey != null);
		if (tokenChanged) {
			after.put("callbackToken", (newCallbackToken != null) ? "set" : "remove");
		}
		this.audit
			.record(AuditRecord.of("chatapp.updated", "chatapp", id).withBefore(describe(before)).withAfter(after));
		this.events.publishEvent(new ChatAppSaved(id));
	}

	/** Disables the app; disabling a disabled app changes and audits nothing. */
	@Transactional
	void disable(long id) {
		ChatApp app = entity(id);
		if (app.disable(this.clock.instant())) {
			this.audit
				.record(AuditRecord.of("chatapp.disabled", "chatapp", id).withAfter(Map.of("name", app.getName())));
		}
	}

	/** Enables the app again; enabling an enabled app changes and audits nothing. */
	@Transactional
	void enable(long id) {
		ChatApp app = entity(id);
		if (app.enable(this.clock.instant())) {
			this.audit
				.record(AuditRecord.of("chatapp.enabled", "chatapp", id).withAfter(Map.of("name", app.getName())));
		}
	}

	/**
	 * Calls {@code get_official_account_info} with the app's credentials and says in
	 * words what happened.
	 * @param id the app
	 * @return the outcome
	 */
	public ConnectionCheck testConnection(long id) {
		ChatAppConnection connection = connection(id);
		CallResult<OfficialAccountInfoResponse> result = this.client.getOfficialAccountInfo(connection,
				OfficialAccountInfoRequest.of(List.of(PROBE_ACCOUNT)));
		if (result instanceof CallResult.Success<?> || result instanceof CallResult.RateLimited<?>) {
			return ConnectionCheck.worked();
		}
		if (result instanceof CallResult.Failed<?> failed) {
			if (PROBE_ANSWERS.contains(failed.errorCode())) {
				return ConnectionCheck.worked();
			}
			return new ConnectionCheck((failed.errorCode() != 0) ? "chatapp.test.refused" : "chatapp.test.unreachable",
					result);
		}
		if (result instanceof CallResult.Retryable<?> retryable && retryable.errorCode() != 0) {
			return new ConnectionCheck("chatapp.test.refused", result);
		}
		return new ConnectionCheck("chatapp.test.unreachable", result);
	}

	private void checkSettings(ChatAppSettings settings, @Nullable Long id) {
		if (!ChatAppSettings.HISTORY_PERIODS.contains(settings.messageHistoryDays())) {
			throw RuleViolationException.onField("messageHistoryDays", "chatapp.messageHistoryDays.invalid");
		}
		this.apps.findByName(settings.name()).filter((other) -> !other.getId().equals(id)).ifPresent((other) -> {
			throw RuleViolationException.onField("name", "chatapp.name.taken");
		});
		this.apps.findBySdkAppId(settings.sdkAppId())
			.filter((other) -> !other.getId().equals(id))
			.ifPresent((other) -> {
				throw RuleViolationException.onField("sdkAppId", "chatapp.sdkAppId.taken");
			});
	}

	private String baseUrl(ChatApp app) {
		Region region = app.getEndpoint().region();
		if (region != null) {
			return region.baseUrl();
		}
		if (app.getEndpoint() == Endpoint.SIMULATOR) {
			return LocalAddress.of(this.environment) + "/sim";
		}
		return Objects.requireNonNull(app.getCustomBaseUrl());
	}

	private static Map<String, Object> describe(ChatAppSettings settings) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", settings.name());
		map.put("sdkAppId", settings.sdkAppId());
		map.put("endpoint", settings.endpoint().name());
		if (settings.customBaseUrl() != null) {
			map.put("customBaseUrl", settings.customBaseUrl());
		}
		map.put("adminIdentifier", settings.adminIdentifier());
		map.put("rateLimitPerSecond", settings.rateLimitPerSecond());
		map.put("messageHistoryDays", settings.messageHistoryDays());
		map.put("allowUnsignedCallbacks", settings.allowUnsignedCallbacks());
		return map;
	}

}
