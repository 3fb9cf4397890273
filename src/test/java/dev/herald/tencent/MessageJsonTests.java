package dev.herald.tencent;

import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MessageJsonTests {

	/** The first sample of the seed page, with its // comments removed. */
	static final String SEED_SAMPLE = """
			{"Official_Account": "@TOA#_2C5SZEAEF","Random": 9875,"MsgBody": [
			{"MsgType": "TIMTextElem","MsgContent": {"Text": "red packet"}},
			{"MsgType": "TIMFaceElem","MsgContent": {"Index": 6,"Data": "abc\\\\u0000\\\\u0001"}}],
			"CloudCustomData": "your cloud custom data",
			"OfflinePushInfo": {"PushFlag": 0,"Desc": "Offline Push Content","Ext": "This is the transmitted content",
			"AndroidInfo": {"Sound": "android.mp3"},
			"ApnsInfo": {"Sound": "apns.mp3","BadgeMode": 1,"Title":"apns title","SubTitle":"apns subtitle","Image":"www.image.com"}}}
			""";

	@Test
	void seedSampleParsesAndReserialisesUnchanged() {
		OfficialAccountMessage message = TencentJson.fromJson(SEED_SAMPLE, OfficialAccountMessage.class);

		assertThat(message.officialAccount()).isEqualTo("@TOA#_2C5SZEAEF");
		assertThat(message.random()).isEqualTo(9875);
		assertThat(message.msgBody()).containsExactly(new MsgElement.TextElem("red packet"),
				new MsgElement.FaceElem(6, "abc\\u0000\\u0001"));
		assertThat(message.offlinePushInfo().apnsInfo().badgeMode()).isEqualTo(1);
		assertThat(message.offlinePushInfo().androidInfo().sound()).isEqualTo("android.mp3");
		JsonNode original = TencentJson.mapper().readTree(SEED_SAMPLE);
		JsonNode written = TencentJson.mapper().readTree(TencentJson.toJson(message));
		assertThat(written).isEqualTo(original);
		// The sample's APNs image is a bare host name, which Herald refuses in what it
		// sends.
		assertThat(new MessageValidator().validate(message).violations()).extracting(Violation::path, Violation::code)
			.containsExactly(Tuple.tuple("OfflinePushInfo.ApnsInfo.Image", MessageValidator.WEB_URL));
	}

	@Test
	void writesExactNamesInFixedOrderAndOmitsNulls() {
		OfficialAccountMessage message = OfficialAccountMessage
			.of("@TOA#_a", 4294967295L, List.of(new MsgElement.TextElem("hi")))
			.withOnlineOnlyFlag(1)
			.withForbidCallbackControl(List.of("ForbidBeforeSendMsgCallback"));

		assertThat(TencentJson.toJson(message)).isEqualTo("{\"Official_Account\":\"@TOA#_a\",\"Random\":4294967295,"
				+ "\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hi\"}}],"
				+ "\"OnlineOnlyFlag\":1,\"ForbidCallbackControl\":[\"ForbidBeforeSendMsgCallback\"]}");
	}

	@Test
	void everyElementTypeUsesItsWireNames() {
		List<MsgElement> body = MessageFixtures.allElementTypes();
		String json = TencentJson.toJson(OfficialAccountMessage.of("@TOA#_a", 1, body));

		assertThat(json).contains("{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hello\"}}")
			.contains("{\"MsgType\":\"TIMFaceElem\",\"MsgContent\":{\"Index\":1,\"Data\":\"smile\"}}")
			.contains("{\"MsgType\":\"TIMLocationElem\",\"MsgContent\":{\"Desc\":\"Shenzhen\",\"Latitude\":22.54,"
					+ "\"Longitude\":114.05}}")
			.contains("{\"MsgType\":\"TIMCustomElem\",\"MsgContent\":{\"Data\":\"{}\",\"Desc\":\"notice\","
					+ "\"Ext\":\"ext\",\"Sound\":\"dingdong.aiff\"}}")
			.contains("{\"MsgType\":\"TIMImageElem\",\"MsgContent\":{\"UUID\":\"img-1\",\"ImageFormat\":1,"
					+ "\"ImageInfoArray\":[{\"Type\":1,\"Size\":1024,\"Width\":640,\"Height\":480,"
					+ "\"URL\":\"https://cdn.example/i.jpg\"}]}}")
			.contains("{\"MsgType\":\"TIMSoundElem\",\"MsgContent\":{\"Url\":\"https://cdn.example/s.m4a\","
					+ "\"UUID\":\"snd-1\",\"Size\":2048,\"Second\":3,\"Download_Flag\":2}}")
			.contains("{\"MsgType\":\"TIMFileElem\",\"MsgContent\":{\"Url\":\"https://cdn.example/f.pdf\","
					+ "\"UUID\":\"file-1\",\"FileSize\":4096,\"FileName\":\"f.pdf\",\"Download_Flag\":2}}")
			.contains("{\"MsgType\":\"TIMVideoFileElem\",\"MsgContent\":{\"VideoUrl\":\"https://cdn.example/v.mp4\","
					+ "\"VideoUUID\":\"vid-1\",\"VideoSize\":8192,\"VideoSecond\":10,\"VideoFormat\":\"mp4\","
					+ "\"VideoDownloadFlag\":2,\"ThumbUrl\":\"https://cdn.example/t.jpg\",\"ThumbUUID\":\"thumb-1\","
					+ "\"ThumbSize\":512,\"ThumbWidth\":320,\"ThumbHeight\":180,\"ThumbFormat\":\"JPG\","
					+ "\"ThumbDownloadFlag\":2}}");
		OfficialAccountMessage back = TencentJson.fromJson(json, OfficialAccountMessage.class);
		assertThat(back.msgBody()).containsExactlyElementsOf(body);
	}

	@Test
	void unknownElementTypesAreKeptVerbatim() {
		String json = "{\"Official_Account\":\"@TOA#_a\",\"Random\":1,\"MsgBody\":[{\"MsgType\":\"TIMRelayElem\","
				+ "\"MsgContent\":{\"Title\":\"t\",\"MsgNum\":2}}]}";

		OfficialAccountMessage message = TencentJson.fromJson(json, OfficialAccountMessage.class);

		assertThat(message.msgBody()).singleElement().isInstanceOf(MsgElement.UnknownElem.class);
		assertThat(TencentJson.toJson(message)).isEqualTo(json);
		assertThat(new MessageValidator().validate(message).errors()).extracting(Violation::code)
			.containsExactly(MessageValidator.ELEMENT_UNSUPPORTED);
	}

	@Test
	void readsResponsesIgnoringUnknownFields() {
		RecallResponse recall = TencentJson.fromJson("{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,"
				+ "\"RecallRetList\":[{\"MsgKey\":\"k1\",\"RetCode\":0},{\"MsgKey\":\"k2\",\"RetCode\":10030}]}",
				RecallResponse.class);

		assertThat(recall.items()).containsExactly(new RecallResponse.RecallRet("k1", 0),
				new RecallResponse.RecallRet("k2", 10030));
		assertThat(recall.allRecalled()).isFalse();
	}

	@Test
	void writesRequestsOfTheOtherCommands() {
		assertThat(TencentJson.toJson(new RecallRequest("@TOA#_a", List.of("k1", "k2"), null)))
			.isEqualTo("{\"Official_Account\":\"@TOA#_a\",\"MsgKeyList\":[\"k1\",\"k2\"]}");
		assertThat(TencentJson.toJson(OfficialAccountInfoRequest.of(List.of("@TOA#_a"))))
			.isEqualTo("{\"OfficialAccountIdList\":[{\"Official_Account\":\"@TOA#_a\"}]}");
		assertThat(TencentJson.toJson(new MsgGetSimpleRequest("@TOA#_a", null, 20, 1)))
			.isEqualTo("{\"Official_Account\":\"@TOA#_a\",\"ReqMsgNumber\":20,\"WithRecalledMsg\":1}");
	}

}
