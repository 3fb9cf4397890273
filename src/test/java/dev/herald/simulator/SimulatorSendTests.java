package dev.herald.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static dev.herald.simulator.SimulatorHarness.BETA;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatorSendTests {

	private final SimulatorHarness sim = new SimulatorHarness();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void acceptsABroadcastAndAnswersMsgTimeAndMsgKey() {
		SimulatorHarness.Reply reply = this.sim.send(ALPHA, 9875, "red packet", "delivery-1");

		assertThat(reply.status()).isEqualTo(200);
		JsonNode json = reply.json();
		assertThat(json.path("ActionStatus").asString()).isEqualTo("OK");
		assertThat(json.path("ErrorCode").asInt()).isZero();
		long msgTime = SimulatorHarness.START.getEpochSecond();
		assertThat(json.path("MsgTime").asLong()).isEqualTo(msgTime);
		assertThat(json.path("MsgKey").asString()).matches("\\d+_1_" + msgTime);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
	}

	@Test
	void givesEveryBroadcastItsOwnKey() {
		String first = this.sim.send(ALPHA, 1, "one", "d1").json().path("MsgKey").asString();
		String second = this.sim.send(BETA, 1, "one", "d1").json().path("MsgKey").asString();
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void rejectsInvalidJsonWith60003() {
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, "{not json").errorCode()).isEqualTo(60003);
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, "").errorCode()).isEqualTo(60003);
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, "[1]").errorCode()).isEqualTo(60003);
	}

	@Test
	void rejectsUnknownAndInvalidAccounts() {
		assertThat(this.sim.send("@TOA#_nobody", 1, "hi", "").errorCode()).isEqualTo(10010);
		assertThat(this.sim.send("alpha", 1, "hi", "").errorCode()).isEqualTo(10015);
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, "{\"Random\":1}").errorCode()).isEqualTo(10004);
	}

	@Test
	void rejectsInvalidBodiesWith10004() {
		String text = "{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hi\"}}";
		String custom = "{\"MsgType\":\"TIMCustomElem\",\"MsgContent\":{\"Data\":\"x\"}}";
		List<String> invalid = List.of(body("1", "[]", ""),
				body("1", "[{\"MsgType\":\"TIMMagicElem\",\"MsgContent\":{}}]", ""), body("-1", "[" + text + "]", ""),
				body("4294967296", "[" + text + "]", ""), body("\"7\"", "[" + text + "]", ""),
				body("1", "[" + custom + "," + custom + "]", ""),
				body("1", "[" + text + "]", ",\"OnlineOnlyFlag\":1,\"SendMsgControl\":[\"NoLastMsg\"]"),
				body("1", "[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{}}]", ""),
				body("1",
						"[{\"MsgType\":\"TIMSoundElem\",\"MsgContent\":{\"Url\":\"u\",\"UUID\":\"x\",\"Download_Flag\":1}}]",
						""),
				body("1", "[{\"MsgType\":\"TIMImageElem\",\"MsgContent\":{\"UUID\":\"x\",\"ImageFormat\":1}}]", ""),
				body("1", "[" + text + "]", ",\"CloudCustomData\":42"));
		for (String body : invalid) {
			assertThat(this.sim.call(OfficialAccountSimulator.SEND, body).errorCode()).as(body).isEqualTo(10004);
		}
		assertThat(this.sim.broadcasts(ALPHA)).isZero();
	}

	@Test
	void acceptsTheSeedExampleElementsAndTheLargestRandom() {
		String body = body("4294967295", """
				[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}},
				 {"MsgType":"TIMFaceElem","MsgContent":{"Index":6,"Data":"abc"}},
				 {"MsgType":"TIMCustomElem","MsgContent":{"Data":"d","Desc":"push"}}]""",
				",\"OnlineOnlyFlag\":0,\"SendMsgControl\":[\"NoLastMsg\"],"
						+ "\"ForbidCallbackControl\":[\"ForbidBeforeSendMsgCallback\",\"ForbidAfterSendMsgCallback\"],"
						+ "\"OfflinePushInfo\":{\"PushFlag\":0,\"Desc\":\"d\",\"ApnsInfo\":{\"BadgeMode\":1}}");
		assertThat(this.sim.call(OfficialAccountSimulator.SEND, body).errorCode()).isZero();
	}

	@Test
	void rejectsMessagesOver12KilobytesWith80002() {
		String prefix = SimulatorHarness.sendBody(ALPHA, 1, "", "");
		int room = 12 * 1024 - prefix.length();
		assertThat(this.sim.send(ALPHA, 1, "a".repeat(room), "").errorCode()).isZero();
		this.sim.clock.advance(Duration.ofSeconds(1));
		assertThat(this.sim.send(ALPHA, 2, "a".repeat(room + 1), "").errorCode()).isEqualTo(80002);
	}

	@Test
	void allowsOneMessagePerSecondPerAccount() {
		assertThat(this.sim.send(ALPHA, 1, "one", "").errorCode()).isZero();
		this.sim.clock.advance(Duration.ofMillis(999));
		assertThat(this.sim.send(ALPHA, 2, "two", "").errorCode()).isEqualTo(10023);
		assertThat(this.sim.send(BETA, 2, "two", "").errorCode()).isZero();
		this.sim.clock.advance(Duration.ofMillis(1));
		assertThat(this.sim.send(ALPHA, 2, "two", "").errorCode()).isZero();
	}

	@Test
	void allowsTwoBroadcastsPerRollingHour() {
		assertThat(this.sim.send(ALPHA, 1, "one", "").errorCode()).isZero();
		this.sim.clock.advance(Duration.ofMinutes(10));
		assertThat(this.sim.send(ALPHA, 2, "two", "").errorCode()).isZero();
		this.sim.clock.advance(Duration.ofMinutes(49));
		assertThat(this.sim.send(ALPHA, 3, "three", "").errorCode()).isEqualTo(10023);
		this.sim.clock.advance(Duration.ofMinutes(1));
		assertThat(this.sim.send(ALPHA, 3, "three", "").errorCode()).isZero();
		assertThat(this.sim.send(ALPHA, 4, "four", "").errorCode()).isEqualTo(10023);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(3);
		assertThat(this.sim.counts().at("/apps/1400000000/accounts/@TOA#_alpha/rejectedByFrequency").asLong())
			.isEqualTo(2);
	}

	@Test
	void limitsEachApiTo200CallsInASecond() {
		String info = "{\"OfficialAccountIdList\":[{\"Official_Account\":\"" + ALPHA + "\"}]}";
		for (int i = 0; i < 200; i++) {
			assertThat(this.sim.call(OfficialAccountSimulator.INFO, info).errorCode()).isZero();
		}
		assertThat(this.sim.call(OfficialAccountSimulator.INFO, info).errorCode()).isEqualTo(60007);
		// The limit is per API: another command still passes.
		assertThat(this.sim.send(ALPHA, 1, "hi", "").errorCode()).isZero();
		this.sim.clock.advance(Duration.ofSeconds(1));
		assertThat(this.sim.call(OfficialAccountSimulator.INFO, info).errorCode()).isZero();
		assertThat(this.sim.commandCounts(OfficialAccountSimulator.INFO).at("/errorCodes/60007").asLong()).isEqualTo(1);
	}

	@Test
	void dropsADuplicateWithin5MinutesAndAnswersTheOriginal() {
		JsonNode first = this.sim.send(ALPHA, 77, "sale", "delivery-7").json();
		this.sim.clock.advance(Duration.ofMillis(300));
		JsonNode retry = this.sim.send(ALPHA, 77, "sale", "delivery-7").json();
		this.sim.clock.advance(Duration.ofMinutes(4));
		JsonNode lateRetry = this.sim.send(ALPHA, 77, "sale", "delivery-7").json();

		assertThat(retry.path("ErrorCode").asInt()).isZero();
		assertThat(retry.path("MsgKey").asString()).isEqualTo(first.path("MsgKey").asString());
		assertThat(retry.path("MsgTime").asLong()).isEqualTo(first.path("MsgTime").asLong());
		assertThat(lateRetry.path("MsgKey").asString()).isEqualTo(first.path("MsgKey").asString());
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
		assertThat(this.sim.counts().at("/apps/1400000000/accounts/@TOA#_alpha/duplicatesDropped").asLong())
			.isEqualTo(2);
	}

	@Test
	void aDuplicateDoesNotUseTheHourlyQuota() {
		this.sim.send(ALPHA, 1, "one", "");
		this.sim.clock.advance(Duration.ofSeconds(5));
		this.sim.send(ALPHA, 1, "one", "");
		this.sim.clock.advance(Duration.ofSeconds(5));
		assertThat(this.sim.send(ALPHA, 2, "two", "").errorCode()).isZero();
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(2);
	}

	@Test
	void sameContentAfter5MinutesOrWithAnotherRandomIsANewBroadcast() {
		String key = this.sim.send(ALPHA, 5, "news", "d").json().path("MsgKey").asString();
		this.sim.clock.advance(Duration.ofSeconds(2));
		String otherRandom = this.sim.send(ALPHA, 6, "news", "d").json().path("MsgKey").asString();
		this.sim.clock.advance(Duration.ofHours(1));
		String later = this.sim.send(ALPHA, 5, "news", "d").json().path("MsgKey").asString();

		assertThat(List.of(key, otherRandom, later)).doesNotHaveDuplicates();
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(3);
	}

	@Test
	void otherContentWithTheSameRandomIsANewBroadcast() {
		String first = this.sim.send(ALPHA, 5, "news", "d1").json().path("MsgKey").asString();
		this.sim.clock.advance(Duration.ofSeconds(2));
		String second = this.sim.send(ALPHA, 5, "news", "d2").json().path("MsgKey").asString();
		assertThat(first).isNotEqualTo(second);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(2);
	}

	@Test
	void answersADuplicateAsConfiguredPerApp() {
		try (SimulatorHarness errors = new SimulatorHarness(
				new AppSpec(SimulatorHarness.APP_ID, SimulatorHarness.ADMIN, SimulatorHarness.KEY, 0,
						DuplicateAnswer.ERROR, 10002, List.of(new AccountSpec(ALPHA, "Alpha", 1)), null, null))) {
			assertThat(errors.send(ALPHA, 1, "x", "").errorCode()).isZero();
			assertThat(errors.send(ALPHA, 1, "x", "").errorCode()).isEqualTo(10002);
			assertThat(errors.broadcasts(ALPHA)).isEqualTo(1);
		}
		try (SimulatorHarness noKey = new SimulatorHarness(
				new AppSpec(SimulatorHarness.APP_ID, SimulatorHarness.ADMIN, SimulatorHarness.KEY, 0,
						DuplicateAnswer.OK_WITHOUT_KEY, 0, List.of(new AccountSpec(ALPHA, "Alpha", 1)), null, null))) {
			assertThat(noKey.send(ALPHA, 1, "x", "").errorCode()).isZero();
			JsonNode duplicate = noKey.send(ALPHA, 1, "x", "").json();
			assertThat(duplicate.path("ErrorCode").asInt()).isZero();
			assertThat(duplicate.has("MsgKey")).isFalse();
		}
	}

	private static String body(String random, String msgBody, String extra) {
		return "{\"Official_Account\":\"" + ALPHA + "\",\"Random\":" + random + ",\"MsgBody\":" + msgBody + extra + "}";
	}

}
