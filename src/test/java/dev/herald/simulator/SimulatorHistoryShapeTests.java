package dev.herald.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.herald.simulator.SimulatorHarness.ALPHA;
import static dev.herald.simulator.SimulatorHarness.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Each shape the get_simple history can take, read over real HTTP. */
class SimulatorHistoryShapeTests {

	private final SimulatorHarness sim = new SimulatorHarness();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void aFullHistoryCarriesEveryField() {
		this.sim.send(ALPHA, 11, "hello", "delivery-1");

		JsonNode item = read(20, "").at("/RspMsgList/0");
		assertThat(item.path("CloudCustomData").asString()).isEqualTo("delivery-1");
		assertThat(item.path("MsgRandom").asLong()).isEqualTo(11);
		assertThat(item.path("IsPlaceMsg").asInt()).isZero();
		assertThat(item.at("/MsgBody/0/MsgContent/Text").asString()).isEqualTo("hello");
	}

	@Test
	void historyCanLeaveCloudCustomDataOutOrEmpty() {
		this.sim.send(ALPHA, 11, "hello", "delivery-1");

		shape(HistoryShape.FULL.withoutCloudCustomData());
		JsonNode omitted = read(20, "").at("/RspMsgList/0");
		assertThat(omitted.has("CloudCustomData")).isFalse();
		assertThat(omitted.path("MsgRandom").asLong()).isEqualTo(11);
		assertThat(omitted.at("/MsgBody/0/MsgContent/Text").asString()).isEqualTo("hello");

		shape(HistoryShape.FULL.withEmptyCloudCustomData());
		JsonNode empty = read(20, "").at("/RspMsgList/0");
		assertThat(empty.has("CloudCustomData")).isTrue();
		assertThat(empty.path("CloudCustomData").asString()).isEmpty();
		assertThat(empty.path("MsgRandom").asLong()).isEqualTo(11);
	}

	@Test
	void shortPagesStillPageThroughTheWholeHistory() {
		List<String> keys = store(7);
		shape(HistoryShape.FULL.pagesOf(3));

		List<JsonNode> pages = readAll(20);
		assertThat(pages).extracting((page) -> page.path("RspMsgList").size()).containsExactly(3, 3, 1);
		assertThat(pages).extracting((page) -> page.path("IsFinished").asInt()).containsExactly(0, 0, 1);
		assertThat(keysOf(pages)).isEqualTo(newestFirst(keys));
		// A smaller request than the limit is still served as asked.
		assertThat(read(2, "").path("RspMsgList").size()).isEqualTo(2);
	}

	@Test
	void aCutHistoryEndsUnannouncedAndHidesOlderMessages() {
		List<String> keys = store(5);
		shape(HistoryShape.FULL.cutAfter(2));

		JsonNode whole = read(20, "");
		assertThat(keysOf(List.of(whole))).containsExactly(keys.get(4), keys.get(3));
		assertThat(whole.path("IsFinished").asInt()).isZero();
		assertThat(whole.path("LastMsgKey").asString()).isEmpty();

		List<JsonNode> paged = readAll(1);
		assertThat(keysOf(paged)).containsExactly(keys.get(4), keys.get(3));
		assertThat(paged.get(0).path("LastMsgKey").asString()).isEqualTo(keys.get(4));
		assertThat(paged.get(1).path("IsFinished").asInt()).isZero();
		assertThat(paged.get(1).path("LastMsgKey").asString()).isEmpty();

		// Nothing behind the cut can be read, not even with a key known from a send.
		for (String known : List.of(keys.get(3), keys.get(1))) {
			JsonNode beyond = read(20, known);
			assertThat(beyond.path("ErrorCode").asInt()).isZero();
			assertThat(beyond.path("RspMsgList").size()).isZero();
			assertThat(beyond.path("IsFinished").asInt()).isZero();
			assertThat(beyond.path("LastMsgKey").asString()).isEmpty();
		}
	}

	@Test
	void aHistoryShorterThanTheCutIsFinished() {
		store(2);
		shape(HistoryShape.FULL.cutAfter(2));

		assertThat(read(20, "").path("IsFinished").asInt()).isEqualTo(1);
	}

	@Test
	void expiredMessagesAreLeftOutAndThePageThatReachesThemSaysSo() {
		String old = store(1).get(0);
		this.sim.clock.advance(Duration.ofDays(8));
		List<String> recent = store(3);
		shape(HistoryShape.FULL.expiringAfter(Duration.ofDays(7)));

		JsonNode whole = read(20, "");
		assertThat(keysOf(List.of(whole))).isEqualTo(newestFirst(recent));
		assertThat(whole.path("IsFinished").asInt()).isEqualTo(2);

		List<JsonNode> paged = readAll(2);
		assertThat(paged).extracting((page) -> page.path("IsFinished").asInt()).containsExactly(0, 2);
		assertThat(keysOf(paged)).isEqualTo(newestFirst(recent)).doesNotContain(old);

		// Before anything expires the history is simply finished.
		shape(HistoryShape.FULL.expiringAfter(Duration.ofDays(30)));
		assertThat(read(20, "").path("IsFinished").asInt()).isEqualTo(1);
	}

	@Test
	void placeholdersCarryOnlyKeyAndTimeAndStayTheSame() {
		shape(HistoryShape.FULL.placeholders(0.5, 42));
		List<String> keys = store(20);

		JsonNode first = read(20, "");
		List<Boolean> pattern = placeholderPattern(first);
		assertThat(pattern).contains(true, false);
		for (JsonNode item : first.path("RspMsgList")) {
			assertThat(item.path("MsgKey").asString()).isIn(keys);
			assertThat(item.has("MsgTime")).isTrue();
			if (item.path("IsPlaceMsg").asInt() == 1) {
				assertThat(item.has("MsgRandom")).isFalse();
				assertThat(item.has("MsgBody")).isFalse();
				assertThat(item.has("CloudCustomData")).isFalse();
			}
			else {
				assertThat(item.has("MsgRandom")).isTrue();
				assertThat(item.has("CloudCustomData")).isTrue();
			}
		}
		assertThat(read(20, "")).isEqualTo(first);

		// The same seed and the same messages give the same place-holders; another seed
		// other ones.
		assertThat(placeholdersOfAFreshSimulator(42)).isEqualTo(pattern);
		assertThat(placeholdersOfAFreshSimulator(7)).isNotEqualTo(pattern);
	}

	@Test
	void registeringTheAppAgainKeepsTheShapeAndAResetRestoresAFullHistory() {
		this.sim.send(ALPHA, 11, "hello", "delivery-1");
		shape(HistoryShape.FULL.withoutCloudCustomData());
		this.sim.directory().registerApp(APP_ID, SimulatorHarness.ADMIN, SimulatorHarness.KEY, 100);
		assertThat(read(20, "").at("/RspMsgList/0").has("CloudCustomData")).isFalse();

		this.sim.admin("POST", "/reset", "");
		this.sim.send(ALPHA, 12, "again", "delivery-2");
		assertThat(read(20, "").at("/RspMsgList/0/CloudCustomData").asString()).isEqualTo("delivery-2");
	}

	@Test
	void rejectsShapesThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> HistoryShape.FULL.pagesOf(0));
		assertThatIllegalArgumentException().isThrownBy(() -> HistoryShape.FULL.cutAfter(0));
		assertThatIllegalArgumentException().isThrownBy(() -> HistoryShape.FULL.expiringAfter(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> HistoryShape.FULL.placeholders(1.5, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sim.directory().shapeHistory(42, HistoryShape.FULL));
	}

	private List<Boolean> placeholdersOfAFreshSimulator(long seed) {
		try (SimulatorHarness other = new SimulatorHarness()) {
			other.directory().shapeHistory(APP_ID, HistoryShape.FULL.placeholders(0.5, seed));
			for (int i = 0; i < 20; i++) {
				other.directory().storeMessage(APP_ID, ALPHA, i, "d" + i);
			}
			return placeholderPattern(other
				.call(OfficialAccountSimulator.GET_SIMPLE,
						"{\"Official_Account\":\"" + ALPHA + "\",\"ReqMsgNumber\":20}")
				.json());
		}
	}

	private static List<Boolean> placeholderPattern(JsonNode page) {
		List<Boolean> pattern = new ArrayList<>();
		page.path("RspMsgList").forEach((item) -> pattern.add(item.path("IsPlaceMsg").asInt() == 1));
		return pattern;
	}

	/** Stores messages a second apart, oldest first; returns their keys. */
	private List<String> store(int count) {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add(this.sim.directory().storeMessage(APP_ID, ALPHA, i, "d" + i));
			this.sim.clock.advance(Duration.ofSeconds(1));
		}
		return keys;
	}

	private void shape(HistoryShape shape) {
		this.sim.directory().shapeHistory(APP_ID, shape);
	}

	private JsonNode read(int wanted, String lastKey) {
		String after = lastKey.isEmpty() ? "" : ",\"LastMsgKey\":\"" + lastKey + "\"";
		JsonNode page = this.sim
			.call(OfficialAccountSimulator.GET_SIMPLE,
					"{\"Official_Account\":\"" + ALPHA + "\",\"ReqMsgNumber\":" + wanted + after + "}")
			.json();
		assertThat(page.path("ErrorCode").asInt()).isZero();
		return page;
	}

	/**
	 * Pages on with LastMsgKey while IsFinished is 0 and a key is given, as a reader
	 * would.
	 */
	private List<JsonNode> readAll(int wanted) {
		List<JsonNode> pages = new ArrayList<>();
		String lastKey = "";
		do {
			JsonNode page = read(wanted, lastKey);
			pages.add(page);
			lastKey = (page.path("IsFinished").asInt() == 0) ? page.path("LastMsgKey").asString() : "";
			assertThat(pages).hasSizeLessThan(30);
		}
		while (!lastKey.isEmpty());
		return pages;
	}

	private static List<String> newestFirst(List<String> keys) {
		List<String> reversed = new ArrayList<>(keys);
		Collections.reverse(reversed);
		return reversed;
	}

	private static List<String> keysOf(List<JsonNode> pages) {
		List<String> keys = new ArrayList<>();
		pages.forEach((page) -> page.path("RspMsgList").forEach((item) -> keys.add(item.path("MsgKey").asString())));
		return keys;
	}

}
