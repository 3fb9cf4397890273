package dev.herald.callback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackSignatureTests {

	@Test
	void tencentsPublishedExampleVerifies() {
		// From Tencent's "third-party callback" page, security section.
		String expected = "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";
		assertThat(CallbackSignature.sign("xxxxyyyy", "1669872112")).isEqualTo(expected);
		assertThat(CallbackSignature.matches("xxxxyyyy", "1669872112", expected)).isTrue();
		assertThat(CallbackSignature.matches("xxxxyyyy", "1669872112", expected.toUpperCase())).isTrue();
	}

	@Test
	void anotherTokenSecondOrLengthDoesNotMatch() {
		String sign = CallbackSignature.sign("xxxxyyyy", "1669872112");
		assertThat(CallbackSignature.matches("xxxxyyyz", "1669872112", sign)).isFalse();
		assertThat(CallbackSignature.matches("xxxxyyyy", "1669872113", sign)).isFalse();
		assertThat(CallbackSignature.matches("xxxxyyyy", "1669872112", sign.substring(1))).isFalse();
		assertThat(CallbackSignature.matches("xxxxyyyy", "1669872112", "")).isFalse();
	}

}
