package dev.herald.chatapp;

import dev.herald.tencent.CallResult;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of "test connection": what to tell the admin, and the failed call behind
 * it.
 *
 * @param messageKey what to tell the admin
 * @param failure the call that failed (its ErrorCode or what happened on the way), or
 * {@code null} when it worked
 */
record ConnectionCheck(String messageKey, @Nullable CallResult<?> failure) {

	static ConnectionCheck worked() {
		return new ConnectionCheck("chatapp.test.ok", null);
	}

}
