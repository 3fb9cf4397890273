package dev.herald.tencent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Result of {@code official_account_msg_get_simple}. Message item fields beyond MsgKey,
 * MsgTime, MsgBody and CloudCustomData are not confirmed by an official page.
 *
 * @param isFinished 1 = all returned, 0 = more to page, 2 = older messages expired
 */
public record MsgGetSimpleResponse(@JsonProperty("IsFinished") int isFinished,
		@JsonProperty("RspMsgList") @Nullable List<HistoryMessage> rspMsgList,
		@JsonProperty("LastMsgKey") @Nullable String lastMsgKey) {

	public MsgGetSimpleResponse {
		rspMsgList = (rspMsgList != null) ? List.copyOf(rspMsgList) : List.of();
	}

	public record HistoryMessage(@JsonProperty("MsgKey") @Nullable String msgKey,
			@JsonProperty("MsgTime") @Nullable Long msgTime, @JsonProperty("MsgRandom") @Nullable Long msgRandom,
			@JsonProperty("IsPlaceMsg") @Nullable Integer isPlaceMsg,
			@JsonProperty("MsgBody") @JsonSerialize(contentUsing = MsgElementJson.Writer.class) @JsonDeserialize(
					contentUsing = MsgElementJson.Reader.class) @Nullable List<@Nullable MsgElement> msgBody,
			@JsonProperty("CloudCustomData") @Nullable String cloudCustomData) {

		public HistoryMessage {
			msgBody = Lists.copyOrNull(msgBody);
		}

	}

}
