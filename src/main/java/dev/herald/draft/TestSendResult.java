package dev.herald.draft;

import dev.herald.tencent.CallResult;
import dev.herald.tencent.SendMsgResponse;
import org.jspecify.annotations.Nullable;

/**
 * How a test send ended: the MsgKey, or Tencent's error code, or why no answer came.
 */
record TestSendResult(boolean ok, @Nullable String msgKey, int errorCode, String reason) {

	static TestSendResult of(CallResult<SendMsgResponse> result) {
		if (result instanceof CallResult.Success<SendMsgResponse> success) {
			return new TestSendResult(true, success.response().msgKey(), 0, "");
		}
		if (result instanceof CallResult.Failed<SendMsgResponse> failed) {
			return new TestSendResult(false, null, failed.errorCode(), failed.errorInfo());
		}
		if (result instanceof CallResult.RateLimited<SendMsgResponse> limited) {
			return new TestSendResult(false, null, limited.errorCode(), limited.errorInfo());
		}
		if (result instanceof CallResult.Retryable<SendMsgResponse> retryable) {
			return new TestSendResult(false, null, retryable.errorCode(), retryable.reason());
		}
		return new TestSendResult(false, null, 0, ((CallResult.OutcomeUnknown<SendMsgResponse>) result).reason());
	}

}
