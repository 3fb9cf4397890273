package dev.herald.simulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One accepted broadcast in an OA's history. Guarded by the owning app's lock.
 */
final class StoredMessage {

	final String msgKey;

	final long msgTime;

	final long acceptedAtMillis;

	final long random;

	// The whole request body: the duplicate filter compares it, get_simple returns parts.
	final JsonNode body;

	// Drawn once, when stored, so every read of the history agrees.
	final boolean placeholder;

	boolean recalled;

	StoredMessage(String msgKey, long msgTime, long acceptedAtMillis, long random, JsonNode body, boolean placeholder) {
		this.msgKey = msgKey;
		this.msgTime = msgTime;
		this.acceptedAtMillis = acceptedAtMillis;
		this.random = random;
		this.body = body;
		this.placeholder = placeholder;
	}

	@Nullable String cloudCustomData() {
		JsonNode data = this.body.get("CloudCustomData");
		return (data != null) ? data.asString() : null;
	}

}
