package dev.herald.tencent;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a successful send returns.
 *
 * @param msgTime server send time in seconds
 * @param msgKey the only handle for a later recall; may be absent when Tencent treats the
 * call as a duplicate (unconfirmed), so callers must cope with {@code null}
 */
public record SendMsgResponse(@JsonProperty("MsgTime") long msgTime, @JsonProperty("MsgKey") @Nullable String msgKey) {

}
