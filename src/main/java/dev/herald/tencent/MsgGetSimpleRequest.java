package dev.herald.tencent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code official_account_msg_get_simple}: pages backwards through an OA's
 * history.
 *
 * @param lastMsgKey absent on the first page, then the previous response's LastMsgKey
 * @param withRecalledMsg 1 = include recalled messages (used to confirm a recall)
 */
@JsonPropertyOrder({ "Official_Account", "LastMsgKey", "ReqMsgNumber", "WithRecalledMsg" })
public record MsgGetSimpleRequest(@JsonProperty("Official_Account") String officialAccount,
		@JsonProperty("LastMsgKey") @Nullable String lastMsgKey, @JsonProperty("ReqMsgNumber") int reqMsgNumber,
		@JsonProperty("WithRecalledMsg") @Nullable Integer withRecalledMsg) {

}
