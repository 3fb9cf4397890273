package dev.herald.chatapp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What other modules and pages may know about a Chat app: everything but its secrets.
 *
 * @param id Herald's id of the app
 * @param name its display name
 * @param sdkAppId Tencent's SDKAppID
 * @param endpoint where its calls go
 * @param adminIdentifier the admin account that signs calls
 * @param rateLimitPerSecond Herald's limit of calls per second per API across all nodes
 * @param enabled {@code false} once an admin disabled it: it may not be chosen for new
 * campaigns, while what is already scheduled still sends
 * @param messageHistoryDays the edition's message history period: Tencent recalls a
 * message only within it
 * @param callbackSigned whether a callback token is set, so callbacks must be signed
 * @param allowUnsignedCallbacks whether unsigned callbacks are accepted while no token is
 * set
 */
public record ChatAppView(long id, String name, long sdkAppId, Endpoint endpoint, String adminIdentifier,
		int rateLimitPerSecond, boolean enabled, int messageHistoryDays, boolean callbackSigned,
		boolean allowUnsignedCallbacks) {

	static ChatAppView of(ChatApp app) {
		return new ChatAppView(Objects.requireNonNull(app.getId()), app.getName(), app.getSdkAppId(), app.getEndpoint(),
				app.getAdminIdentifier(), app.getRateLimitPerSecond(), app.isEnabled(), app.getMessageHistoryDays(),
				app.hasCallbackToken(), app.isAllowUnsignedCallbacks());
	}

	/**
	 * The last moment Tencent still recalls a message sent at the given time.
	 * @param sentAt when Tencent took the message
	 * @return the end of the message history period
	 */
	public Instant recallableUntil(Instant sentAt) {
		return sentAt.plus(Duration.ofDays(this.messageHistoryDays));
	}

	/**
	 * Until when a message sent at the given time can be recalled, as read now.
	 * @param sentAt when Tencent took the message
	 * @param now the moment of reading
	 * @return the deadline
	 */
	public RecallDeadline recallDeadline(Instant sentAt, Instant now) {
		Instant until = recallableUntil(sentAt);
		return new RecallDeadline(sentAt, this.messageHistoryDays, until, until.isAfter(now));
	}

	/**
	 * The send time before which Tencent no longer recalls a message: the counterpart of
	 * {@link #recallableUntil} for selecting recallable messages by their send time.
	 * @param now the moment of the recall
	 * @return messages sent after it are still within the period
	 */
	public Instant recallableIfSentAfter(Instant now) {
		return now.minus(Duration.ofDays(this.messageHistoryDays));
	}

	/**
	 * Whether callbacks for this app are accepted at all: signed with a token, or
	 * unsigned by an admin's explicit choice.
	 * @return {@code false} when every callback is refused
	 */
	public boolean acceptsCallbacks() {
		return this.callbackSigned || this.allowUnsignedCallbacks;
	}

}
