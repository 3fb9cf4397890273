package dev.herald.tencent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MessageValidatorTests {

	private final MessageValidator validator = new MessageValidator();

	private ValidationReport check(OfficialAccountMessage message) {
		return this.validator.validate(message);
	}

	private static OfficialAccountMessage message(String officialAccount, long random, MsgElement... body) {
		return OfficialAccountMessage.of(officialAccount, random, Arrays.asList(body));
	}

	@Test
	void acceptsEveryElementTypeFilledCorrectly() {
		List<MsgElement> body = new ArrayList<>(MessageFixtures.allElementTypes());
		ValidationReport report = check(OfficialAccountMessage.of(MessageFixtures.OA, 1, body));

		assertThat(report.violations()).isEmpty();
		assertThat(report.isValid()).isTrue();
		assertThat(report.sizeBytes())
			.isEqualTo(TencentJson.toBytes(OfficialAccountMessage.of(MessageFixtures.OA, 1, body)).length);
	}

	@Test
	void rejectsNullMessage() {
		assertThat(this.validator.validate((OfficialAccountMessage) null).errors()).extracting(Violation::code)
			.containsExactly(MessageValidator.MESSAGE_REQUIRED);
	}

	@Test
	void officialAccountIsRequiredAndPrefixed() {
		assertThat(check(message(null, 1, new MsgElement.TextElem("x"))).errors())
			.extracting(Violation::path, Violation::code)
			.containsExactly(tuple("Official_Account", MessageValidator.FIELD_REQUIRED));
		assertThat(check(message("2C5SZEAEF", 1, new MsgElement.TextElem("x"))).errors())
			.extracting(Violation::path, Violation::code)
			.containsExactly(tuple("Official_Account", MessageValidator.OFFICIAL_ACCOUNT_PREFIX_CODE));
		assertThat(check(message("@TOA#_", 1, new MsgElement.TextElem("x"))).isValid()).isFalse();
		assertThat(check(message("@TOA#_x", 1, new MsgElement.TextElem("x"))).isValid()).isTrue();
	}

	@Test
	void randomMustBeUint32() {
		assertThat(check(message(MessageFixtures.OA, 0, new MsgElement.TextElem("x"))).isValid()).isTrue();
		assertThat(check(message(MessageFixtures.OA, 4294967295L, new MsgElement.TextElem("x"))).isValid()).isTrue();
		assertThat(check(message(MessageFixtures.OA, 4294967296L, new MsgElement.TextElem("x"))).errors())
			.extracting(Violation::path, Violation::code)
			.containsExactly(tuple("Random", MessageValidator.RANDOM_RANGE));
		assertThat(check(message(MessageFixtures.OA, -1, new MsgElement.TextElem("x"))).isValid()).isFalse();
	}

	@Test
	void msgBodyMustNotBeEmptyNorHoldNulls() {
		assertThat(check(message(MessageFixtures.OA, 1)).errors()).extracting(Violation::code)
			.containsExactly(MessageValidator.MSG_BODY_EMPTY);
		assertThat(
				check(new OfficialAccountMessage(MessageFixtures.OA, 1, null, null, null, null, null, null)).errors())
			.extracting(Violation::code)
			.containsExactly(MessageValidator.MSG_BODY_EMPTY);
		assertThat(check(message(MessageFixtures.OA, 1, new MsgElement.TextElem("x"), null)).errors())
			.extracting(Violation::path, Violation::code)
			.containsExactly(tuple("MsgBody[1]", MessageValidator.ELEMENT_REQUIRED));
	}

	@Test
	void textNeedsText() {
		assertThat(check(MessageFixtures.withBody(new MsgElement.TextElem(""))).errors())
			.extracting(Violation::path, Violation::code, Violation::arguments)
			.containsExactly(tuple("MsgBody[0].MsgContent.Text", MessageValidator.FIELD_REQUIRED, List.of("Text")));
		assertThat(check(MessageFixtures.text(" ")).isValid()).isTrue();
	}

	@Test
	void faceNeedsIndex() {
		assertThat(check(MessageFixtures.withBody(new MsgElement.FaceElem(null, "d"))).errors())
			.extracting(Violation::path)
			.containsExactly("MsgBody[0].MsgContent.Index");
		assertThat(check(MessageFixtures.withBody(new MsgElement.FaceElem(0, null))).isValid()).isTrue();
	}

	@Test
	void locationNeedsDescAndCoordinatesInRange() {
		assertThat(check(MessageFixtures.withBody(new MsgElement.LocationElem(null, 91.0, -180.5))).errors())
			.extracting(Violation::path, Violation::code)
			.containsExactly(tuple("MsgBody[0].MsgContent.Desc", MessageValidator.FIELD_REQUIRED),
					tuple("MsgBody[0].MsgContent.Latitude", MessageValidator.FIELD_RANGE),
					tuple("MsgBody[0].MsgContent.Longitude", MessageValidator.FIELD_RANGE));
		assertThat(check(MessageFixtures.withBody(new MsgElement.LocationElem("x", Double.NaN, null))).errors())
			.extracting(Violation::code)
			.containsExactly(MessageValidator.FIELD_NOT_FINITE, MessageValidator.FIELD_REQUIRED);
		assertThat(check(MessageFixtures.withBody(new MsgElement.LocationElem("x", -90.0, 180.0))).isValid()).isTrue();
	}

	@Test
	void atMostOneCustomElement() {
		MsgElement custom = new MsgElement.CustomElem("d", "desc", null, null);
		assertThat(check(MessageFixtures.withBody(custom, new MsgElement.TextElem("x"), custom)).errors())
			.extracting(Violation::path, Violation::code)
			.containsExactly(tuple("MsgBody[2]", MessageValidator.CUSTOM_ELEM_TOO_MANY));
		assertThat(check(MessageFixtures.withBody(custom, new MsgElement.TextElem("x"))).isValid()).isTrue();
	}

	@Test
	void loneCustomElementWithoutPushTextWarns() {
		ValidationReport report = check(MessageFixtures.withBody(new MsgElement.CustomElem("d", null, null, null)));

		assertThat(report.isValid()).isTrue();
		assertThat(report.warnings()).extracting(Violation::code).containsExactly(MessageValidator.CUSTOM_ELEM_NO_PUSH);
		OfflinePushInfo push = new OfflinePushInfo(null, null, "push text", null, null, null);
		assertThat(check(
				MessageFixtures.withBody(new MsgElement.CustomElem("d", null, null, null)).withOfflinePushInfo(push))
			.violations()).isEmpty();
	}

	@Test
	void imageNeedsUuidKnownFormatAndCompleteInfos() {
		MsgElement.ImageElem image = new MsgElement.ImageElem(null, 7,
				Arrays.asList(new MsgElement.ImageInfo(4, -1L, null, 0, ""), null));

		assertThat(check(MessageFixtures.withBody(image)).errors()).extracting(Violation::path, Violation::code)
			.containsExactly(tuple("MsgBody[0].MsgContent.UUID", MessageValidator.FIELD_REQUIRED),
					tuple("MsgBody[0].MsgContent.ImageFormat", MessageValidator.FIELD_UNKNOWN_VALUE),
					tuple("MsgBody[0].MsgContent.ImageInfoArray[0].Type", MessageValidator.FIELD_UNKNOWN_VALUE),
					tuple("MsgBody[0].MsgContent.ImageInfoArray[0].Size", MessageValidator.FIELD_NEGATIVE),
					tuple("MsgBody[0].MsgContent.ImageInfoArray[0].Width", MessageValidator.FIELD_REQUIRED),
					tuple("MsgBody[0].MsgContent.ImageInfoArray[0].Height", MessageValidator.FIELD_RANGE),
					tuple("MsgBody[0].MsgContent.ImageInfoArray[0].URL", MessageValidator.FIELD_REQUIRED),
					tuple("MsgBody[0].MsgContent.ImageInfoArray[1]", MessageValidator.FIELD_REQUIRED));
		assertThat(check(MessageFixtures.withBody(new MsgElement.ImageElem("u", 255, List.of()))).errors())
			.extracting(Violation::path)
			.containsExactly("MsgBody[0].MsgContent.ImageInfoArray");
		assertThat(check(MessageFixtures.withBody(MessageFixtures.image())).isValid()).isTrue();
	}

	@Test
	void soundNeedsUrlUuidAndDownloadFlagTwo() {
		MsgElement sound = new MsgElement.SoundElem(null, "", 1L, 1, 1);

		assertThat(check(MessageFixtures.withBody(new MsgElement.TextElem("x"), sound)).errors())
			.extracting(Violation::path, Violation::code)
			.containsExactly(tuple("MsgBody[1].MsgContent.Url", MessageValidator.FIELD_REQUIRED),
					tuple("MsgBody[1].MsgContent.UUID", MessageValidator.FIELD_REQUIRED),
					tuple("MsgBody[1].MsgContent.Download_Flag", MessageValidator.DOWNLOAD_FLAG));
		assertThat(check(MessageFixtures.withBody(MessageFixtures.sound())).isValid()).isTrue();
	}

	@Test
	void fileNeedsUrlUuidAndDownloadFlagTwo() {
		MsgElement file = new MsgElement.FileElem("https://cdn.example/u", "id", -5L, "f", null);

		assertThat(check(MessageFixtures.withBody(file)).errors()).extracting(Violation::path)
			.containsExactly("MsgBody[0].MsgContent.FileSize", "MsgBody[0].MsgContent.Download_Flag");
		assertThat(check(MessageFixtures.withBody(MessageFixtures.file())).isValid()).isTrue();
	}

	@Test
	void videoNeedsUrlsUuidsThumbSizeAndBothFlags() {
		MsgElement video = new MsgElement.VideoFileElem(null, null, null, null, null, 1, null, null, null, null, -1,
				null, 3);

		assertThat(check(MessageFixtures.withBody(video)).errors()).extracting(Violation::path)
			.containsExactly("MsgBody[0].MsgContent.VideoUrl", "MsgBody[0].MsgContent.VideoUUID",
					"MsgBody[0].MsgContent.VideoDownloadFlag", "MsgBody[0].MsgContent.ThumbUrl",
					"MsgBody[0].MsgContent.ThumbUUID", "MsgBody[0].MsgContent.ThumbWidth",
					"MsgBody[0].MsgContent.ThumbHeight", "MsgBody[0].MsgContent.ThumbDownloadFlag");
		assertThat(check(MessageFixtures.withBody(MessageFixtures.video())).isValid()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(1)", "data:image/png;base64,iVBORw0KGgo=",
			"ftp://cdn.example/a.png", "file:///etc/passwd", "www.image.com", "/img/a.png", "//cdn.example/a.png",
			"https://", "https:///a.png", "http:cdn.example/a.png", "https://cdn.example/a b.png",
			" https://cdn.example/a.png", "https://cdn.example/a.png\n" })
	void mediaUrlsMustBeHttpOrHttps(String url) {
		OfficialAccountMessage message = MessageFixtures
			.withBody(new MsgElement.ImageElem("img", 1, List.of(new MsgElement.ImageInfo(1, 1L, 1, 1, url))),
					new MsgElement.SoundElem(url, "s", 1L, 1, 2), new MsgElement.FileElem(url, "f", 1L, "f.pdf", 2),
					new MsgElement.VideoFileElem(url, "v", 1L, 1, "mp4", 2, url, "t", 1L, 1, 1, "JPG", 2))
			.withOfflinePushInfo(new OfflinePushInfo(null, null, "push", null, null,
					new OfflinePushInfo.ApnsInfo(null, null, null, null, url, null)));

		assertThat(check(message).errors()).extracting(Violation::path, Violation::code)
			.containsExactly(tuple("MsgBody[0].MsgContent.ImageInfoArray[0].URL", MessageValidator.WEB_URL),
					tuple("MsgBody[1].MsgContent.Url", MessageValidator.WEB_URL),
					tuple("MsgBody[2].MsgContent.Url", MessageValidator.WEB_URL),
					tuple("MsgBody[3].MsgContent.VideoUrl", MessageValidator.WEB_URL),
					tuple("MsgBody[3].MsgContent.ThumbUrl", MessageValidator.WEB_URL),
					tuple("OfflinePushInfo.ApnsInfo.Image", MessageValidator.WEB_URL));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://cdn.example/i.jpg", "HTTP://cdn.example:8080/a.png?w=1&h=2#top",
			"https://cdn.example/新闻/图.png", "http://10.0.0.1/a%20b.png" })
	void webAddressesAreAcceptedForMedia(String url) {
		OfficialAccountMessage message = MessageFixtures
			.withBody(new MsgElement.ImageElem("img", 1, List.of(new MsgElement.ImageInfo(1, 1L, 1, 1, url))),
					new MsgElement.SoundElem(url, "s", 1L, 1, 2))
			.withOfflinePushInfo(new OfflinePushInfo(null, null, "push", null, null,
					new OfflinePushInfo.ApnsInfo(null, null, null, null, url, null)));

		assertThat(check(message).violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085", "line\rbreak", "end\r" })
	void controlCharactersAreRefusedInTextSubscribersRead(String control) {
		String text = "Sale " + control + " today";
		OfficialAccountMessage message = MessageFixtures
			.withBody(new MsgElement.TextElem(text), new MsgElement.LocationElem(text, 1.0, 1.0),
					new MsgElement.CustomElem("{}", text, null, null),
					new MsgElement.FileElem("https://cdn.example/f", "f", 1L, text, 2))
			.withOfflinePushInfo(new OfflinePushInfo(null, text, text, null, null,
					new OfflinePushInfo.ApnsInfo(null, null, text, text, null, null)));

		List<Violation> errors = check(message).errors();

		assertThat(errors).extracting(Violation::path)
			.containsExactly("MsgBody[0].MsgContent.Text", "MsgBody[1].MsgContent.Desc", "MsgBody[2].MsgContent.Desc",
					"MsgBody[3].MsgContent.FileName", "OfflinePushInfo.Title", "OfflinePushInfo.Desc",
					"OfflinePushInfo.ApnsInfo.Title", "OfflinePushInfo.ApnsInfo.SubTitle");
		assertThat(errors).extracting(Violation::code).containsOnly(MessageValidator.CONTROL_CHARACTER);
		char first = control
			.charAt(control.startsWith("line") || control.startsWith("end") ? control.indexOf('\r') : 0);
		assertThat(errors.get(0).arguments()).containsExactly("Text", String.format("U+%04X", (int) first));
	}

	@Test
	void tabsAndLineBreaksAreFineAndDataForTheAppIsNotText() {
		String text = "Line one\n\tindented\r\nline three";
		OfficialAccountMessage message = MessageFixtures
			.withBody(new MsgElement.TextElem(text), new MsgElement.CustomElem("\u0001raw", text, "\u0002", null))
			.withOfflinePushInfo(new OfflinePushInfo(null, text, text, "\u0003ext", null, null));

		assertThat(check(message).violations()).isEmpty();
	}

	@Test
	void sendMsgControlIsNotAllowedWithOnlineOnly() {
		OfficialAccountMessage message = MessageFixtures.text("x").withSendMsgControl(List.of("NoLastMsg"));

		assertThat(check(message).isValid()).isTrue();
		assertThat(check(message.withOnlineOnlyFlag(0)).isValid()).isTrue();
		assertThat(check(message.withOnlineOnlyFlag(1)).errors()).extracting(Violation::path, Violation::code)
			.containsExactly(tuple("SendMsgControl", MessageValidator.SEND_MSG_CONTROL_WITH_ONLINE_ONLY));
		assertThat(check(MessageFixtures.text("x").withOnlineOnlyFlag(1)).isValid()).isTrue();
	}

	@Test
	void enumValuesMustBeKnown() {
		OfficialAccountMessage message = MessageFixtures.text("x")
			.withOnlineOnlyFlag(2)
			.withSendMsgControl(Arrays.asList("NoLastMsg", "NoUnread", null))
			.withForbidCallbackControl(List.of("ForbidAfterSendMsgCallback", "ForbidEverything"))
			.withOfflinePushInfo(new OfflinePushInfo(2, null, null, null, null,
					new OfflinePushInfo.ApnsInfo(null, 3, null, null, null, 5)));

		assertThat(check(message).errors()).extracting(Violation::path)
			.containsExactly("OnlineOnlyFlag", "SendMsgControl[1]", "SendMsgControl[2]", "ForbidCallbackControl[1]",
					"OfflinePushInfo.PushFlag", "OfflinePushInfo.ApnsInfo.BadgeMode",
					"OfflinePushInfo.ApnsInfo.MutableContent");
		OfficialAccountMessage good = MessageFixtures.text("x")
			.withOnlineOnlyFlag(0)
			.withForbidCallbackControl(List.of("ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback"))
			.withOfflinePushInfo(new OfflinePushInfo(1, "t", "d", "e", OfflinePushInfo.AndroidInfo.ofSound("a.mp3"),
					new OfflinePushInfo.ApnsInfo("b.mp3", 1, "t", "s", "https://i", 1)));
		assertThat(check(good).violations()).isEmpty();
	}

	@Test
	void pushDescAndExtOver3KbWarns() {
		OfflinePushInfo atLimit = new OfflinePushInfo(0, null, "d".repeat(1024), "e".repeat(2048), null, null);
		OfflinePushInfo over = new OfflinePushInfo(0, null, "d".repeat(1024), "é".repeat(1025), null, null);

		assertThat(check(MessageFixtures.text("x").withOfflinePushInfo(atLimit)).violations()).isEmpty();
		ValidationReport report = check(MessageFixtures.text("x").withOfflinePushInfo(over));
		assertThat(report.isValid()).isTrue();
		assertThat(report.warnings()).extracting(Violation::code, Violation::arguments)
			.containsExactly(tuple(MessageValidator.PUSH_DESC_EXT_TOO_LONG, List.of(3074, 3072)));
	}

	@Test
	void sizeLimitIsTwelveKibibytesOfUtf8() {
		int overhead = TencentJson.toBytes(MessageFixtures.text("")).length;
		String fits = "a".repeat(MessageValidator.MAX_MESSAGE_BYTES - overhead);
		ValidationReport atLimit = check(MessageFixtures.text(fits));
		ValidationReport over = check(MessageFixtures.text(fits + "a"));

		assertThat(atLimit.sizeBytes()).isEqualTo(12288);
		assertThat(atLimit.isValid()).isTrue();
		assertThat(over.sizeBytes()).isEqualTo(12289);
		assertThat(over.errors()).extracting(Violation::path, Violation::code, Violation::arguments)
			.containsExactly(tuple("", MessageValidator.SIZE_TOO_LARGE, List.of(12289, 12288)));
	}

	@Test
	void sizeCountsUtf8BytesNotCharacters() {
		int overhead = TencentJson.toBytes(MessageFixtures.text("")).length;
		String chinese = "中".repeat((MessageValidator.MAX_MESSAGE_BYTES - overhead) / 3 + 1);

		assertThat(chinese.length()).isLessThan(MessageValidator.MAX_MESSAGE_BYTES / 2);
		assertThat(check(MessageFixtures.text(chinese)).errors()).extracting(Violation::code)
			.containsExactly(MessageValidator.SIZE_TOO_LARGE);
	}

	@Test
	void loneSurrogateIsReportedNotThrown() {
		ValidationReport report = check(MessageFixtures.text("broken \uD83D emoji"));

		assertThat(report.errors()).extracting(Violation::path, Violation::code)
			.containsExactly(tuple("MsgBody[0].MsgContent.Text", MessageValidator.NOT_SERIALIZABLE));
		assertThat(report.sizeBytes()).isEqualTo(-1);
		assertThat(check(MessageFixtures.text("whole \uD83D\uDE00 emoji")).isValid()).isTrue();
	}

	@Test
	void recallRequestRules() {
		assertThat(this.validator.validate(new RecallRequest(MessageFixtures.OA, List.of("k"), "oops")).isValid())
			.isTrue();
		List<String> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add("k" + i);
		}
		assertThat(this.validator.validate(new RecallRequest("x", eleven, "r".repeat(101))).errors())
			.extracting(Violation::path)
			.containsExactly("Official_Account", "MsgKeyList", "Reason");
		assertThat("r".repeat(100).getBytes(StandardCharsets.UTF_8)).hasSize(RecallRequest.MAX_REASON_BYTES);
	}

}
