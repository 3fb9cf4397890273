package dev.herald.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The state of one official account: its history and its send windows. Guarded by the
 * owning app's lock.
 */
final class SimulatedAccount {

	static final long MIN_SEND_INTERVAL_MILLIS = 1_000;

	static final int BROADCASTS_PER_WINDOW = 2;

	static final long BROADCAST_WINDOW_MILLIS = 3_600_000;

	static final long DUPLICATE_WINDOW_MILLIS = 300_000;

	AccountSpec spec;

	final long createTime;

	// Oldest first.
	final List<StoredMessage> history = new ArrayList<>();

	// Accept times of the broadcasts inside the rolling hour, oldest first.
	final Deque<Long> recentBroadcasts = new ArrayDeque<>();

	long lastSendMillis = Long.MIN_VALUE;

	long broadcasts;

	long duplicatesDropped;

	long rejectedByFrequency;

	long recalled;

	SimulatedAccount(AccountSpec spec, long createTime) {
		this.spec = spec;
		this.createTime = createTime;
	}

	/**
	 * The duplicate filter: same Random and the same whole body (every field, compared as
	 * a JSON tree, so key order and whitespace do not matter) within 5 minutes.
	 */
	@Nullable StoredMessage findDuplicate(long random, JsonNode body, long nowMillis) {
		for (int i = this.history.size() - 1; i >= 0; i--) {
			StoredMessage message = this.history.get(i);
			if (nowMillis - message.acceptedAtMillis >= DUPLICATE_WINDOW_MILLIS) {
				break;
			}
			if (message.random == random && message.body.equals(body)) {
				return message;
			}
		}
		return null;
	}

	/** Why a new broadcast may not go out now, or {@code null} when it may. */
	@Nullable String frequencyViolation(long nowMillis) {
		if (this.lastSendMillis != Long.MIN_VALUE && nowMillis - this.lastSendMillis < MIN_SEND_INTERVAL_MILLIS) {
			return "at most 1 message per second per official account";
		}
		while (!this.recentBroadcasts.isEmpty()
				&& nowMillis - this.recentBroadcasts.peekFirst() >= BROADCAST_WINDOW_MILLIS) {
			this.recentBroadcasts.removeFirst();
		}
		if (this.recentBroadcasts.size() >= BROADCASTS_PER_WINDOW) {
			return "at most 2 broadcasts per hour per official account";
		}
		return null;
	}

	void accept(StoredMessage message) {
		this.history.add(message);
		this.recentBroadcasts.addLast(message.acceptedAtMillis);
		this.lastSendMillis = message.acceptedAtMillis;
		this.broadcasts++;
	}

	@Nullable StoredMessage find(String msgKey) {
		for (StoredMessage message : this.history) {
			if (message.msgKey.equals(msgKey)) {
				return message;
			}
		}
		return null;
	}

	long lastMsgTime() {
		return this.history.isEmpty() ? 0 : this.history.get(this.history.size() - 1).msgTime;
	}

	void clear() {
		this.history.clear();
		this.recentBroadcasts.clear();
		this.lastSendMillis = Long.MIN_VALUE;
		this.broadcasts = 0;
		this.duplicatesDropped = 0;
		this.rejectedByFrequency = 0;
		this.recalled = 0;
	}

}
