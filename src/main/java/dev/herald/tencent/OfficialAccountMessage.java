package dev.herald.tencent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Body of {@code send_official_account_msg}. The property order is fixed because the
 * serialised size is checked against the 12 KB limit and shown to the author.
 *
 * @param officialAccount OA ID, {@code @TOA#_...}
 * @param random uint32 (0..4294967295) chosen once per delivery; Tencent drops a message
 * with the same content and Random within 5 minutes, which makes retries safe
 * @param msgBody the elements, at most one {@code TIMCustomElem}
 * @param cloudCustomData our own data delivered with the message (we carry the delivery
 * id)
 * @param onlineOnlyFlag 1 = only online subscribers, 0 or absent = everyone
 * @param sendMsgControl only {@code NoLastMsg}; not allowed with {@code OnlineOnlyFlag}=1
 * @param forbidCallbackControl {@code ForbidBeforeSendMsgCallback} and/or
 * {@code ForbidAfterSendMsgCallback}
 */
@JsonPropertyOrder({ "Official_Account", "Random", "MsgBody", "CloudCustomData", "OfflinePushInfo", "OnlineOnlyFlag",
		"SendMsgControl", "ForbidCallbackControl" })
public record OfficialAccountMessage(@JsonProperty("Official_Account") @Nullable String officialAccount,
		@JsonProperty("Random") long random,
		@JsonProperty("MsgBody") @JsonSerialize(contentUsing = MsgElementJson.Writer.class) @JsonDeserialize(
				contentUsing = MsgElementJson.Reader.class) @Nullable List<@Nullable MsgElement> msgBody,
		@JsonProperty("CloudCustomData") @Nullable String cloudCustomData,
		@JsonProperty("OfflinePushInfo") @Nullable OfflinePushInfo offlinePushInfo,
		@JsonProperty("OnlineOnlyFlag") @Nullable Integer onlineOnlyFlag,
		@JsonProperty("SendMsgControl") @Nullable List<@Nullable String> sendMsgControl,
		@JsonProperty("ForbidCallbackControl") @Nullable List<@Nullable String> forbidCallbackControl) {

	public static final String NO_LAST_MSG = "NoLastMsg";

	public static final String FORBID_BEFORE_SEND_MSG_CALLBACK = "ForbidBeforeSendMsgCallback";

	public static final String FORBID_AFTER_SEND_MSG_CALLBACK = "ForbidAfterSendMsgCallback";

	public OfficialAccountMessage {
		msgBody = Lists.copyOrNull(msgBody);
		sendMsgControl = Lists.copyOrNull(sendMsgControl);
		forbidCallbackControl = Lists.copyOrNull(forbidCallbackControl);
	}

	/** The common case: an OA, a Random and elements, nothing optional. */
	public static OfficialAccountMessage of(String officialAccount, long random, List<MsgElement> msgBody) {
		return new OfficialAccountMessage(officialAccount, random, msgBody, null, null, null, null, null);
	}

	public OfficialAccountMessage withCloudCustomData(@Nullable String data) {
		return new OfficialAccountMessage(this.officialAccount, this.random, this.msgBody, data, this.offlinePushInfo,
				this.onlineOnlyFlag, this.sendMsgControl, this.forbidCallbackControl);
	}

	public OfficialAccountMessage withOfflinePushInfo(@Nullable OfflinePushInfo info) {
		return new OfficialAccountMessage(this.officialAccount, this.random, this.msgBody, this.cloudCustomData, info,
				this.onlineOnlyFlag, this.sendMsgControl, this.forbidCallbackControl);
	}

	public OfficialAccountMessage withOnlineOnlyFlag(@Nullable Integer flag) {
		return new OfficialAccountMessage(this.officialAccount, this.random, this.msgBody, this.cloudCustomData,
				this.offlinePushInfo, flag, this.sendMsgControl, this.forbidCallbackControl);
	}

	public OfficialAccountMessage withSendMsgControl(@Nullable List<@Nullable String> control) {
		return new OfficialAccountMessage(this.officialAccount, this.random, this.msgBody, this.cloudCustomData,
				this.offlinePushInfo, this.onlineOnlyFlag, control, this.forbidCallbackControl);
	}

	public OfficialAccountMessage withForbidCallbackControl(@Nullable List<@Nullable String> control) {
		return new OfficialAccountMessage(this.officialAccount, this.random, this.msgBody, this.cloudCustomData,
				this.offlinePushInfo, this.onlineOnlyFlag, this.sendMsgControl, control);
	}

}
