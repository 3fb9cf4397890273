package dev.herald.draft;

import java.time.Instant;

import dev.herald.delivery.TestBroadcasts.TestBroadcast;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.SendMsgResponse;
import org.jspecify.annotations.Nullable;

/**
 * How a test send ended: the MsgKey, or the failed call (Tencent's error code, or why no
 * answer came), or (nothing sent) when the official account's window opens again.
 *
 * @param failure the call that did not succeed, or {@code null}
 */
record TestSendResult(boolean ok, @Nullable String msgKey, int errorCode, @Nullable CallResult<?> failure,
		@Nullable Instant windowOpensAt) {

	static TestSendResult of(TestBroadcast broadcast) {
		if (broadcast instanceof TestBroadcast.Refused refused) {
			return new TestSendResult(false, null, 0, null, refused.windowOpensAt());
		}
		return of(((TestBroadcast.Called) broadcast).result());
	}

	static TestSendResult of(CallResult<SendMsgResponse> result) {
		if (result instanceof CallResult.Success<SendMsgResponse> success) {
			return new TestSendResult(true, success.response().msgKey(), 0, null, null);
		}
		if (result instanceof CallResult.Failed<SendMsgResponse> failed) {
			return new TestSendResult(false, null, failed.errorCode(), result, null);
		}
		if (result instanceof CallResult.RateLimited<SendMsgResponse> limited) {
			return new TestSendResult(false, null, limited.errorCode(), result, null);
		}
		if (result instanceof CallResult.Retryable<SendMsgResponse> retryable) {
			return new TestSendResult(false, null, retryable.errorCode(), result, null);
		}
		return new TestSendResult(false, null, 0, result, null);
	}

}
