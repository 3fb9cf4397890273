package dev.herald.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static dev.herald.simulator.SimulatorHarness.BETA;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatorRecallAndHistoryTests {

	private final SimulatorHarness sim = new SimulatorHarness();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void recallsKnownKeysAndAnswers10030ForUnknownOrRecalledOnes() {
		String key = sendAndKey(ALPHA, 1, "delivery-1");

		JsonNode reply = recall(ALPHA, "[\"" + key + "\",\"1_1_1\"]").json();
		assertThat(reply.path("ErrorCode").asInt()).isZero();
		assertThat(reply.at("/RecallRetList/0/MsgKey").asString()).isEqualTo(key);
		assertThat(reply.at("/RecallRetList/0/RetCode").asInt()).isZero();
		assertThat(reply.at("/RecallRetList/1/RetCode").asInt()).isEqualTo(10030);

		JsonNode again = recall(ALPHA, "[\"" + key + "\"]").json();
		assertThat(again.at("/RecallRetList/0/RetCode").asInt()).isEqualTo(10030);
		assertThat(this.sim.counts().at("/apps/1400000000/accounts/@TOA#_alpha/recalled").asLong()).isEqualTo(1);
	}

	@Test
	void recallsOnlyWithinTheAccountThatSent() {
		String key = sendAndKey(ALPHA, 1, "d");
		assertThat(recall(BETA, "[\"" + key + "\"]").json().at("/RecallRetList/0/RetCode").asInt()).isEqualTo(10030);
	}

	@Test
	void rejectsEmptyOrOversizedRecalls() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			keys.add("\"" + i + "_1_1\"");
		}
		assertThat(recall(ALPHA, "[" + String.join(",", keys) + "]").errorCode()).isEqualTo(10004);
		assertThat(recall(ALPHA, "[" + String.join(",", keys.subList(0, 10)) + "]").errorCode()).isZero();
		assertThat(recall(ALPHA, "[]").errorCode()).isEqualTo(10004);
		String longReason = "{\"Official_Account\":\"" + ALPHA + "\",\"MsgKeyList\":[\"1_1_1\"],\"Reason\":\""
				+ "x".repeat(101) + "\"}";
		assertThat(this.sim.call(OfficialAccountSimulator.RECALL, longReason).errorCode()).isEqualTo(10004);
		assertThat(recall("@TOA#_nobody", "[\"1_1_1\"]").errorCode()).isEqualTo(10010);
	}

	@Test
	void getSimpleFindsAMessageByCloudCustomDataNewestFirst() {
		String first = sendAndKey(ALPHA, 1, "delivery-1");
		this.sim.clock.advance(Duration.ofMinutes(1));
		String second = sendAndKey(ALPHA, 2, "delivery-2");

		JsonNode page = getSimple("{\"Official_Account\":\"" + ALPHA + "\",\"ReqMsgNumber\":20}");
		assertThat(page.path("ErrorCode").asInt()).isZero();
		assertThat(page.path("IsFinished").asInt()).isEqualTo(1);
		assertThat(page.at("/RspMsgList/0/MsgKey").asString()).isEqualTo(second);
		JsonNode found = null;
		for (JsonNode message : page.path("RspMsgList")) {
			if (message.path("CloudCustomData").asString().equals("delivery-1")) {
				found = message;
			}
		}
		assertThat(found).isNotNull();
		assertThat(found.path("MsgKey").asString()).isEqualTo(first);
		assertThat(found.path("MsgTime").asLong()).isEqualTo(SimulatorHarness.START.getEpochSecond());
		assertThat(found.at("/MsgBody/0/MsgContent/Text").asString()).isEqualTo("hello");
	}

	@Test
	void getSimplePagesWithLastMsgKeyAndHidesRecalledUnlessAsked() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			keys.add(sendAndKey(ALPHA, i, "d" + i));
			this.sim.clock.advance(Duration.ofHours(1));
		}
		JsonNode firstPage = getSimple("{\"Official_Account\":\"" + ALPHA + "\",\"ReqMsgNumber\":2}");
		assertThat(firstPage.path("RspMsgList").size()).isEqualTo(2);
		assertThat(firstPage.path("IsFinished").asInt()).isZero();
		assertThat(firstPage.path("LastMsgKey").asString()).isEqualTo(keys.get(1));
		JsonNode secondPage = getSimple(
				"{\"Official_Account\":\"" + ALPHA + "\",\"ReqMsgNumber\":2,\"LastMsgKey\":\"" + keys.get(1) + "\"}");
		assertThat(secondPage.at("/RspMsgList/0/MsgKey").asString()).isEqualTo(keys.get(0));
		assertThat(secondPage.path("IsFinished").asInt()).isEqualTo(1);

		recall(ALPHA, "[\"" + keys.get(2) + "\"]");
		assertThat(getSimple("{\"Official_Account\":\"" + ALPHA + "\"}").path("RspMsgList").size()).isEqualTo(2);
		JsonNode withRecalled = getSimple("{\"Official_Account\":\"" + ALPHA + "\",\"WithRecalledMsg\":1}");
		assertThat(withRecalled.path("RspMsgList").size()).isEqualTo(3);
		assertThat(withRecalled.at("/RspMsgList/0/IsRecalled").asInt()).isEqualTo(1);
	}

	@Test
	void getOfficialAccountInfoDescribesKnownAccountsAndFlagsUnknownOnes() {
		JsonNode reply = this.sim
			.call(OfficialAccountSimulator.INFO,
					"{\"OfficialAccountIdList\":[{\"Official_Account\":\"" + ALPHA
							+ "\"},{\"Official_Account\":\"@TOA#_nobody\"}]}")
			.json();
		assertThat(reply.path("ErrorCode").asInt()).isZero();
		JsonNode alpha = reply.at("/OfficialAccountInfoList/0");
		assertThat(alpha.path("Official_Account").asString()).isEqualTo(ALPHA);
		assertThat(alpha.path("Name").asString()).isEqualTo("Alpha");
		assertThat(alpha.path("SubscriberNum").asLong()).isEqualTo(1200);
		assertThat(alpha.path("CreateTime").asLong()).isEqualTo(SimulatorHarness.START.getEpochSecond());
		assertThat(alpha.path("ResultCode").asInt()).isZero();
		assertThat(reply.at("/OfficialAccountInfoList/1/ResultCode").asInt()).isEqualTo(10010);
		assertThat(this.sim.call(OfficialAccountSimulator.INFO, "{}").errorCode()).isEqualTo(10004);
	}

	private String sendAndKey(String account, long random, String cloudCustomData) {
		JsonNode reply = this.sim.send(account, random, "hello", cloudCustomData).json();
		assertThat(reply.path("ErrorCode").asInt()).isZero();
		return reply.path("MsgKey").asString();
	}

	private SimulatorHarness.Reply recall(String account, String keys) {
		return this.sim.call(OfficialAccountSimulator.RECALL,
				"{\"Official_Account\":\"" + account + "\",\"MsgKeyList\":" + keys + ",\"Reason\":\"typo\"}");
	}

	private JsonNode getSimple(String body) {
		return this.sim.call(OfficialAccountSimulator.GET_SIMPLE, body).json();
	}

}
