package dev.herald.demo;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.ApplicationTest;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.OfficialAccountInfoRequest;
import dev.herald.tencent.OfficialAccountInfoResponse;
import dev.herald.tencent.TencentChatClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Chat app on the built-in simulator works at once: the app and every account added to
 * it become known to the simulator, so real calls succeed.
 */
@ApplicationTest
class SimulatorRegistrationTests {

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private TencentChatClient client;

	@Test
	void accountsAddedToASimulatorAppAreKnownThere() {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_600_000_000L, 1_699_999_999L);
		ChatAppView app = this.chatApps.create(
				new ChatAppSettings("Registered " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200),
				"f".repeat(64));
		this.accounts.add(app.id(), "@TOA#_registered", "Registered", 77, false);

		CallResult<OfficialAccountInfoResponse> result = this.client.getOfficialAccountInfo(
				this.chatApps.connection(app.id()), OfficialAccountInfoRequest.of(List.of("@TOA#_registered")));

		assertThat(result).isInstanceOf(CallResult.Success.class);
		OfficialAccountInfoResponse response = ((CallResult.Success<OfficialAccountInfoResponse>) result).response();
		assertThat(response.officialAccountInfoList()).singleElement()
			.satisfies((info) -> assertThat(info.subscriberNum()).isEqualTo(77));
	}

}
