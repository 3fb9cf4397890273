package dev.herald.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static dev.herald.simulator.SimulatorHarness.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The answers to a send that the duplicate filter drops, chosen through the Java API. */
class SimulatorDuplicateAnswerTests {

	private final SimulatorHarness sim = new SimulatorHarness();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void answersTheOriginalMessageByDefault() {
		JsonNode first = this.sim.send(ALPHA, 7, "sale", "d-7").json();
		JsonNode duplicate = sendDuplicateLater();

		assertThat(duplicate.path("ErrorCode").asInt()).isZero();
		assertThat(duplicate.path("MsgKey").asString()).isEqualTo(first.path("MsgKey").asString());
		assertThat(duplicate.path("MsgTime").asLong()).isEqualTo(first.path("MsgTime").asLong());
	}

	@Test
	void answersOkWithoutAKey() {
		this.sim.directory().answerDuplicates(APP_ID, DuplicateAnswer.OK_WITHOUT_KEY, 0);
		this.sim.send(ALPHA, 7, "sale", "d-7");
		JsonNode duplicate = sendDuplicateLater();

		assertThat(duplicate.path("ErrorCode").asInt()).isZero();
		assertThat(duplicate.has("MsgKey")).isFalse();
		assertThat(duplicate.has("MsgTime")).isFalse();
	}

	@Test
	void answersTheChosenErrorCode() {
		this.sim.directory().answerDuplicates(APP_ID, DuplicateAnswer.ERROR, 10002);
		this.sim.send(ALPHA, 7, "sale", "d-7");

		assertThat(sendDuplicateLater().path("ErrorCode").asInt()).isEqualTo(10002);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sim.directory().answerDuplicates(APP_ID, DuplicateAnswer.ERROR, 0));
	}

	@Test
	void answersOkWithAFreshKeyThatIsInNoHistory() {
		this.sim.directory().answerDuplicates(APP_ID, DuplicateAnswer.OK_NEW_KEY, 0);
		String original = this.sim.send(ALPHA, 7, "sale", "d-7").json().path("MsgKey").asString();
		JsonNode duplicate = sendDuplicateLater();

		assertThat(duplicate.path("ErrorCode").asInt()).isZero();
		String freshKey = duplicate.path("MsgKey").asString();
		assertThat(freshKey).isNotBlank().isNotEqualTo(original);
		assertThat(duplicate.path("MsgTime").asLong()).isEqualTo(this.sim.clock.millis() / 1000);
		assertThat(this.sim.broadcasts(ALPHA)).isEqualTo(1);
		assertThat(historyKeys()).containsExactly(original);
		JsonNode recall = this.sim
			.call(OfficialAccountSimulator.RECALL,
					"{\"Official_Account\":\"" + ALPHA + "\",\"MsgKeyList\":[\"" + freshKey + "\"]}")
			.json();
		assertThat(recall.at("/RecallRetList/0/RetCode").asInt()).isEqualTo(10030);
		assertThat(historyKeys()).containsExactly(original);
	}

	@Test
	void registeringTheAppAgainKeepsTheDuplicateAnswer() {
		this.sim.directory().answerDuplicates(APP_ID, DuplicateAnswer.OK_NEW_KEY, 0);
		this.sim.directory().registerApp(APP_ID, SimulatorHarness.ADMIN, SimulatorHarness.KEY, 100);
		this.sim.admin("POST", "/reset", "");

		assertThat(this.sim.admin("GET", "/apps/" + APP_ID, "").json().path("duplicateAnswer").asString())
			.isEqualTo("OK_NEW_KEY");
	}

	private JsonNode sendDuplicateLater() {
		this.sim.clock.advance(Duration.ofSeconds(30));
		return this.sim.send(ALPHA, 7, "sale", "d-7").json();
	}

	private List<String> historyKeys() {
		JsonNode page = this.sim
			.call(OfficialAccountSimulator.GET_SIMPLE, "{\"Official_Account\":\"" + ALPHA + "\",\"WithRecalledMsg\":1}")
			.json();
		List<String> keys = new ArrayList<>();
		page.path("RspMsgList").forEach((item) -> keys.add(item.path("MsgKey").asString()));
		return keys;
	}

}
