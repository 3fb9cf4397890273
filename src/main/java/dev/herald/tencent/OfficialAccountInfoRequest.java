package dev.herald.tencent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code get_official_account_info}. */
@JsonPropertyOrder({ "OfficialAccountIdList" })
public record OfficialAccountInfoRequest(
		@JsonProperty("OfficialAccountIdList") List<OfficialAccountId> officialAccountIdList) {

	public OfficialAccountInfoRequest {
		officialAccountIdList = List.copyOf(officialAccountIdList);
	}

	public static OfficialAccountInfoRequest of(List<String> officialAccounts) {
		return new OfficialAccountInfoRequest(officialAccounts.stream().map(OfficialAccountId::new).toList());
	}

	public record OfficialAccountId(@JsonProperty("Official_Account") String officialAccount) {

	}

}
