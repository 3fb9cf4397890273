package dev.herald.tencent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Result of {@code get_official_account_info}. Field names come from the create/modify
 * pages and a community SDK; anything not listed is ignored rather than failing the call.
 */
public record OfficialAccountInfoResponse(
		@JsonProperty("OfficialAccountInfoList") @Nullable List<OfficialAccountInfo> officialAccountInfoList) {

	public OfficialAccountInfoResponse {
		officialAccountInfoList = (officialAccountInfoList != null) ? List.copyOf(officialAccountInfoList) : List.of();
	}

	public record OfficialAccountInfo(@JsonProperty("Official_Account") @Nullable String officialAccount,
			@JsonProperty("OfficialAccountUserID") @Nullable String officialAccountUserId,
			@JsonProperty("Name") @Nullable String name, @JsonProperty("Owner_Account") @Nullable String ownerAccount,
			@JsonProperty("CreateTime") @Nullable Long createTime,
			@JsonProperty("LastMsgTime") @Nullable Long lastMsgTime,
			@JsonProperty("SubscriberNum") @Nullable Long subscriberNum,
			@JsonProperty("MaxSubscriberNum") @Nullable Long maxSubscriberNum,
			@JsonProperty("Introduction") @Nullable String introduction,
			@JsonProperty("FaceUrl") @Nullable String faceUrl,
			@JsonProperty("Organization") @Nullable String organization,
			@JsonProperty("CustomString") @Nullable String customString) {

	}

}
