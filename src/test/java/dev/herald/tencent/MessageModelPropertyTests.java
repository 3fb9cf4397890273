package dev.herald.tencent;

import java.util.stream.Stream;

import dev.herald.support.SeededCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Properties of the message model over a few hundred generated messages each; a failure
 * names the seed that replays it.
 */
class MessageModelPropertyTests {

	private static final int CASES = 300;

	private final MessageValidator validator = new MessageValidator();

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void validatorNeverThrows(SeededCase seeded) {
		seeded.check((choices) -> {
			OfficialAccountMessage message = MessageGenerators.anyMessage(choices);
			assertThatNoException().isThrownBy(() -> this.validator.validate(message));
			ValidationReport report = this.validator.validate(message);
			assertThat(report.violations()).extracting(Violation::code)
				.doesNotContain(MessageValidator.INTERNAL)
				.allSatisfy((code) -> assertThat(MessageValidator.CODES).contains(code));
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void validMessagesRoundTripThroughJson(SeededCase seeded) {
		seeded.check((choices) -> {
			OfficialAccountMessage message = MessageGenerators.validMessage(choices);
			ValidationReport report = this.validator.validate(message);
			assertThat(report.errors()).isEmpty();

			byte[] json = TencentJson.toBytes(message);
			OfficialAccountMessage back = TencentJson.mapper().readValue(json, OfficialAccountMessage.class);

			assertThat(back).isEqualTo(message);
			assertThat(TencentJson.toBytes(back)).isEqualTo(json).hasSize(report.sizeBytes());
		});
	}

	static Stream<SeededCase> cases() {
		return SeededCase.cases(CASES);
	}

}
