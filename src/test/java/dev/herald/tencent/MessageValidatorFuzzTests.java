package dev.herald.tencent;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.support.Choices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the validator over messages the generators build from the
 * fuzzer's bytes, most of them nearly valid: it never throws, names only its own codes,
 * and what it accepts keeps Tencent's rules and reaches the wire unchanged. The committed
 * inputs are the generators' choices: change the generators and they build other
 * messages, so add fresh ones from a fuzzing run.
 */
class MessageValidatorFuzzTests {

	private final MessageValidator validator = new MessageValidator();

	@FuzzTest(maxDuration = "20s", maxExecutions = 10_000)
	void acceptsOnlyMessagesWithinTheRules(FuzzedDataProvider data) {
		Choices choices = Choices.fuzzed(data);
		OfficialAccountMessage message = choices.chance(0.2) ? MessageGenerators.anyMessage(choices)
				: MessageGenerators.nearlyValidMessage(choices);

		ValidationReport report = this.validator.validate(message);

		assertThat(report.violations()).extracting(Violation::code)
			.doesNotContain(MessageValidator.INTERNAL)
			.allSatisfy((code) -> assertThat(MessageValidator.CODES).contains(code));
		if (report.violations().stream().anyMatch((v) -> v.code().equals(MessageValidator.SIZE_TOO_LARGE))) {
			assertThat(report.sizeBytes()).isGreaterThan(MessageValidator.MAX_MESSAGE_BYTES);
		}
		if (report.isValid()) {
			assertWithinTheRules(message, report);
		}
	}

	private static void assertWithinTheRules(OfficialAccountMessage message, ValidationReport report) {
		byte[] json = TencentJson.toBytes(message);
		assertThat(json).hasSize(report.sizeBytes());
		assertThat(report.sizeBytes()).isLessThanOrEqualTo(MessageValidator.MAX_MESSAGE_BYTES);
		// Every string survives the trip to UTF-8: no half of a surrogate pair got
		// through.
		assertThat(new String(json, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(json);
		assertThat(message.officialAccount()).startsWith(MessageValidator.OFFICIAL_ACCOUNT_PREFIX)
			.hasSizeGreaterThan(MessageValidator.OFFICIAL_ACCOUNT_PREFIX.length());
		assertThat(message.random()).isBetween(0L, MessageValidator.MAX_RANDOM);
		List<MsgElement> body = message.msgBody();
		assertThat(body).isNotEmpty().doesNotContainNull();
		assertThat(body).filteredOn(MsgElement.UnknownElem.class::isInstance).isEmpty();
		assertThat(body).filteredOn(MsgElement.CustomElem.class::isInstance).hasSizeLessThanOrEqualTo(1);
		assertThat(body).filteredOn(MsgElement.TextElem.class::isInstance)
			.allSatisfy((text) -> assertThat(((MsgElement.TextElem) text).text()).isNotEmpty());
		assertThat(TencentJson.mapper().readValue(json, OfficialAccountMessage.class)).isEqualTo(message);
	}

}
