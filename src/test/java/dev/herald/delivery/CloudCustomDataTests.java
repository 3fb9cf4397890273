package dev.herald.delivery;

import java.util.List;

import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudCustomDataTests {

	@Test
	void wrapsTheDeliveryIdAloneOrBesideTheAuthorsValue() {
		assertThat(CloudCustomData.wrap(123, null)).isEqualTo("{\"herald\":{\"delivery\":123}}");
		assertThat(CloudCustomData.wrap(123, "{\"a\":\"b\"}"))
			.isEqualTo("{\"herald\":{\"delivery\":123},\"custom\":\"{\\\"a\\\":\\\"b\\\"}\"}");
	}

	@Test
	void readsBackTheIdAndTheAuthorsValue() {
		String wrapped = CloudCustomData.wrap(9_000_000_001L, "plain text");
		assertThat(CloudCustomData.deliveryId(wrapped)).isEqualTo(9_000_000_001L);
		assertThat(CloudCustomData.custom(wrapped)).isEqualTo("plain text");
		assertThat(CloudCustomData.custom(CloudCustomData.wrap(5, null))).isNull();
	}

	@Test
	void otherDataIsNotOurs() {
		assertThat(CloudCustomData.deliveryId(null)).isNull();
		assertThat(CloudCustomData.deliveryId("")).isNull();
		assertThat(CloudCustomData.deliveryId("hello")).isNull();
		assertThat(CloudCustomData.deliveryId("{\"herald\":1}")).isNull();
		assertThat(CloudCustomData.deliveryId("{broken")).isNull();
		assertThat(CloudCustomData.custom("hello")).isEqualTo("hello");
	}

	@Test
	void everyAttemptOfADeliverySendsTheSameBytes() {
		OfficialAccountMessage template = OfficialAccountMessage
			.of("@TOA#_placeholder", 0, List.of(new MsgElement.TextElem("hi")))
			.withCloudCustomData("mine");
		String first = TencentJson.toJson(Caller.personalise(template, "@TOA#_x", 4_294_967_295L, 77));
		String again = TencentJson
			.toJson(Caller.personalise(TencentJson.fromJson(TencentJson.toJson(template), OfficialAccountMessage.class),
					"@TOA#_x", 4_294_967_295L, 77));
		assertThat(again).isEqualTo(first);
		assertThat(first).contains("\"Official_Account\":\"@TOA#_x\"", "\"Random\":4294967295");
	}

}
