package dev.herald.draft;

import java.util.List;

import dev.herald.tencent.MessageValidator;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.OfflinePushInfo;
import dev.herald.tencent.ValidationReport;
import dev.herald.tencent.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CompositionTests {

	private final MessageValidator validator = new MessageValidator();

	@Test
	void composesEveryPartOfTheMessageInWireOrder() {
		DraftForm form = form(element("TIMTextElem", "Text", "Hello"), element("TIMFaceElem", "Index", "3"),
				element("TIMCustomElem", "Data", "{\"k\":1}", "Desc", "Sale"));
		form.setPushDesc("Push!");
		form.setApnsTitle("Title");
		form.setApnsNoBadge(true);
		form.setAndroidSound("ding");
		form.setNoLastMsg(true);
		form.setForbidAfterCallback(true);
		form.setCloudCustomData("cd");
		Composition composition = Composition.of(form);
		assertThat(composition.inputErrors()).isEmpty();
		assertThat(DraftContent.toJson(composition.message())).isEqualTo("{\"MsgBody\":["
				+ "{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"Hello\"}},"
				+ "{\"MsgType\":\"TIMFaceElem\",\"MsgContent\":{\"Index\":3}},"
				+ "{\"MsgType\":\"TIMCustomElem\",\"MsgContent\":{\"Data\":\"{\\\"k\\\":1}\",\"Desc\":\"Sale\"}}],"
				+ "\"CloudCustomData\":\"cd\",\"OfflinePushInfo\":{\"Desc\":\"Push!\",\"AndroidInfo\":{\"Sound\":\"ding\"},"
				+ "\"ApnsInfo\":{\"BadgeMode\":1,\"Title\":\"Title\"}},\"SendMsgControl\":[\"NoLastMsg\"],"
				+ "\"ForbidCallbackControl\":[\"ForbidAfterSendMsgCallback\"]}");
		assertThat(DraftContent.validate(this.validator, composition.message()).isValid()).isTrue();
	}

	@Test
	void storedContentComesBackAsTheSameForm() {
		DraftForm form = form(element("TIMTextElem", "Text", "Hello"),
				element("TIMLocationElem", "Desc", "Office", "Latitude", "22.5", "Longitude", "114.05"),
				element("TIMImageElem", "UUID", "img", "ImageFormat", "3", "Info3URL", "https://x/t.png", "Info3Size",
						"10", "Info3Width", "20", "Info3Height", "30"),
				element("TIMSoundElem", "Url", "https://x/s", "UUID", "s", "Size", "1", "Second", "2"));
		form.setOnlineOnly(true);
		form.setPushDisabled(true);
		String json = DraftContent.toJson(Composition.of(form).message());
		DraftForm again = Composition.toForm(json);
		assertThat(DraftContent.toJson(Composition.of(again).message())).isEqualTo(json);
		assertThat(again.getElements().get(2).getFields()).containsEntry("Info3URL", "https://x/t.png");
		assertThat(again.isOnlineOnly()).isTrue();
		assertThat(json).contains("\"Download_Flag\":2").contains("\"ImageInfoArray\":[{\"Type\":3,");
	}

	@Test
	void wronglyTypedNumbersAreFieldErrorsNotFailures() {
		DraftForm form = form(element("TIMLocationElem", "Desc", "Office", "Latitude", "abc", "Longitude", "1e400x"));
		Composition composition = Composition.of(form);
		assertThat(composition.inputErrors()).extracting(Composition.InputError::field)
			.containsExactly("elements[0].fields[Latitude]", "elements[0].fields[Longitude]");
		assertThat(composition.inputErrors()).extracting(Composition.InputError::code)
			.containsOnly(Composition.NOT_DECIMAL_IN_RANGE);
		assertThat(composition.inputErrors()).extracting(Composition.InputError::arguments)
			.containsExactly(new Object[] { -90L, 90L }, new Object[] { -180L, 180L });
		assertThat(composition.inputErrors()).extracting(Composition.InputError::path)
			.containsExactly("MsgBody[0].MsgContent.Latitude", "MsgBody[0].MsgContent.Longitude");
	}

	@Test
	void validatorFindingsMapToTheComposerField() {
		DraftForm form = form(element("TIMTextElem", "Text", "ok"), element("TIMTextElem"),
				element("TIMVideoFileElem", "VideoUrl", "https://v"));
		form.setOnlineOnly(true);
		form.setNoLastMsg(true);
		Composition composition = Composition.of(form);
		ValidationReport report = DraftContent.validate(this.validator, composition.message());
		List<String> fields = report.errors().stream().map(composition::fieldFor).toList();
		assertThat(fields).contains("elements[1].fields[Text]", "elements[2].fields[VideoUUID]", "noLastMsg");
	}

	@Test
	void wholeMessageProblemsHaveNoField() {
		DraftForm form = form(element("TIMTextElem", "Text", "x".repeat(6700)),
				element("TIMTextElem", "Text", "y".repeat(6700)));
		Composition composition = Composition.of(form);
		ValidationReport report = DraftContent.validate(this.validator, composition.message());
		assertThat(report.isValid()).isFalse();
		Violation tooLarge = report.errors().get(0);
		assertThat(tooLarge.code()).isEqualTo(MessageValidator.SIZE_TOO_LARGE);
		assertThat(composition.fieldFor(tooLarge)).isNull();
		// One long text is the same problem: the message's bytes, with every character
		// counted (the meter's figure), not a rule about the field.
		Composition long13k = Composition.of(form(element("TIMTextElem", "Text", "x".repeat(13_000))));
		assertThat(long13k.inputErrors()).isEmpty();
		ValidationReport longReport = DraftContent.validate(this.validator, long13k.message());
		assertThat(longReport.sizeBytes()).isGreaterThan(13_000);
		assertThat(longReport.errors()).singleElement().satisfies((violation) -> {
			assertThat(violation.code()).isEqualTo(MessageValidator.SIZE_TOO_LARGE);
			assertThat(violation.arguments()).containsExactly(longReport.sizeBytes(), 12288);
		});
	}

	@Test
	void aValueThatIsNotANumberSaysWhatTheFieldTakesAndSilencesTheValidatorThere() {
		Composition composition = Composition.of(form(element("TIMFaceElem", "Index", "abc"),
				element("TIMSoundElem", "Url", "https://x/s", "UUID", "s", "Size", "big", "Second", "-"),
				element("TIMImageElem", "UUID", "i", "ImageFormat", "png", "Info1URL", "https://x/i.png", "Info1Width",
						"wide", "Info1Height", "1")));
		assertThat(composition.inputErrors()).extracting(Composition.InputError::field, Composition.InputError::code)
			.containsExactly(tuple("elements[0].fields[Index]", Composition.NOT_IN_RANGE),
					tuple("elements[1].fields[Size]", Composition.NOT_AT_LEAST),
					tuple("elements[1].fields[Second]", Composition.NOT_IN_RANGE),
					tuple("elements[2].fields[ImageFormat]", Composition.NOT_A_CHOICE),
					tuple("elements[2].fields[Info1Width]", Composition.NOT_IN_RANGE));
		assertThat(composition.inputErrors().get(2).arguments()).containsExactly("Second", 2147483647L, 0L);
		assertThat(composition.inputErrors().get(3).arguments()).containsExactly("1, 2, 3, 4, 255");
		assertThat(composition.inputErrors().get(4).arguments()).containsExactly("Info1Width", 2147483647L, 1L);
		ValidationReport report = DraftContent.validate(this.validator, composition.message());
		// The validator misses the Index and the Width; the fields already say why.
		assertThat(report.errors()).extracting(composition::fieldFor)
			.contains("elements[0].fields[Index]", "elements[2].fields[Info1Width]");
		assertThat(composition.remaining(report.errors())).extracting(composition::fieldFor)
			.doesNotContain("elements[0].fields[Index]", "elements[2].fields[Info1Width]");
	}

	@Test
	void emptyBodyPointsAtTheElementList() {
		Composition composition = Composition.of(form());
		Violation empty = DraftContent.validate(this.validator, composition.message()).errors().get(0);
		assertThat(composition.fieldFor(empty)).isEqualTo("elements");
	}

	@Test
	void derivesThePushTextLikeTencent() {
		OfficialAccountMessage message = OfficialAccountMessage.of("@TOA#_x", 1,
				List.of(new MsgElement.TextElem("Sale "), new MsgElement.FaceElem(1, null),
						new MsgElement.LocationElem("Here", 1.0, 2.0),
						new MsgElement.CustomElem("d", "Deal", null, null), new MsgElement.ImageElem("u", 1, List.of()),
						new MsgElement.SoundElem(null, null, null, null, null),
						new MsgElement.FileElem(null, null, null, null, null), new MsgElement.VideoFileElem(null, null,
								null, null, null, null, null, null, null, null, null, null, null)));
		assertThat(DraftContent.pushText(message)).isEqualTo("Sale [Face][Location]Deal[Image][Voice][File][Video]");
		assertThat(DraftContent
			.pushText(message.withOfflinePushInfo(new OfflinePushInfo(null, null, "Override", null, null, null))))
			.isEqualTo("Override");
	}

	@Test
	void rearrangesElements() {
		DraftForm form = form(element("TIMTextElem", "Text", "a"), element("TIMTextElem", "Text", "b"));
		DraftController.rearrange(form, "add-TIMFaceElem");
		DraftController.rearrange(form, "up-2");
		DraftController.rearrange(form, "remove-0");
		DraftController.rearrange(form, "down-7");
		DraftController.rearrange(form, "add-Nonsense");
		assertThat(form.getElements()).extracting(DraftForm.ElementForm::getType)
			.containsExactly("TIMFaceElem", "TIMTextElem");
		assertThat(form.getElements().get(1).getFields()).containsEntry("Text", "b");
	}

	static DraftForm form(DraftForm.ElementForm... elements) {
		DraftForm form = new DraftForm();
		form.setTitle("Title");
		form.getElements().addAll(List.of(elements));
		return form;
	}

	static DraftForm.ElementForm element(String type, String... keyValues) {
		DraftForm.ElementForm element = new DraftForm.ElementForm(type);
		for (int i = 0; i < keyValues.length; i += 2) {
			element.getFields().put(keyValues[i], keyValues[i + 1]);
		}
		return element;
	}

}
