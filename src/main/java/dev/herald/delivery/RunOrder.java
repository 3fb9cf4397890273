package dev.herald.delivery;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to send and to whom.
 *
 * @param chatAppId the Chat app that sends
 * @param contentJson the wire JSON ({@code TencentJson}) of an
 * {@code OfficialAccountMessage}; its {@code Official_Account} and {@code Random} are
 * placeholders replaced per delivery, and its {@code CloudCustomData} is wrapped as
 * described in {@code docs/adr/0002-delivery-id-in-cloud-custom-data.md}
 * @param officialAccounts the target OA ids; duplicates are sent once
 * @param campaignId the campaign, if the run belongs to one
 * @param campaignRunId the campaign's run record, if any
 */
public record RunOrder(long chatAppId, String contentJson, List<String> officialAccounts, @Nullable Long campaignId,
		@Nullable Long campaignRunId) {

	public RunOrder {
		officialAccounts = List.copyOf(officialAccounts);
	}

}
