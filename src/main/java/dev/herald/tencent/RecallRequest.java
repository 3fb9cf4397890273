package dev.herald.tencent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code official_account_msg_recall}.
 *
 * @param msgKeyList 1 to {@value #MAX_KEYS} keys per call
 * @param reason optional, at most 100 UTF-8 bytes
 */
@JsonPropertyOrder({ "Official_Account", "MsgKeyList", "Reason" })
public record RecallRequest(@JsonProperty("Official_Account") String officialAccount,
		@JsonProperty("MsgKeyList") List<String> msgKeyList, @JsonProperty("Reason") @Nullable String reason) {

	public static final int MAX_KEYS = 10;

	public static final int MAX_REASON_BYTES = 100;

	public RecallRequest {
		msgKeyList = List.copyOf(msgKeyList);
	}

}
