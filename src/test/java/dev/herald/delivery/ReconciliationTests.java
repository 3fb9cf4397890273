package dev.herald.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.herald.simulator.DuplicateAnswer;
import dev.herald.simulator.HistoryShape;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation proves or leaves the decision to an operator, whatever shape Tencent's
 * history takes and whatever it answers to a dropped duplicate: the simulator never
 * receives a second broadcast for one delivery. Over real HTTP; the simulator counts.
 */
@ApplicationTest
class ReconciliationTests {

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DeliveryFixtures fixtures;

	@Autowired
	private Decisions decisions;

	@RegisterExtension
	final TestNodes nodes = new TestNodes();

	/** A node that looks up every attempt that may have landed instead of resending. */
	private void startLookingUp() {
		this.nodes.start("reconciling",
				DeliveryFixtures.quick().withRetries(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ZERO));
	}

	/** Someone else's messages in every OA's history, sent just before the run. */
	private void othersSentTo(DeliveryFixtures.TestApp app, int messages) {
		for (String account : app.accounts()) {
			for (int i = 0; i < messages; i++) {
				this.simulator.storeMessage(app.sdkAppId(), account, 1_000 + i, "");
			}
		}
	}

	/**
	 * Lost answers (the message is in) and 502s (it is not): both may have landed, as far
	 * as Herald can tell.
	 */
	private void loseAnswers(DeliveryFixtures.TestApp app, long seed) {
		this.simulator.injectSendFaults(app.sdkAppId(), seed, 0, List.of(), 0.15, 0, 0, 0.15);
	}

	@Test
	void withoutCloudCustomDataOurMessageIsKnownByItsRandomAndBody() {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 200);
		this.simulator.shapeHistory(app.sdkAppId(), HistoryShape.FULL.withoutCloudCustomData().pagesOf(2));
		othersSentTo(app, 3);
		loseAnswers(app, 21);
		startLookingUp();
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "no data in history"));
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(200);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(lookups(run, Outcome.Label.RECONCILED_SENT)).as("found by Random and body").isPositive();
		assertThat(lookups(run, Outcome.Label.RECONCILED_ABSENT)).as("proven absent, then sent").isPositive();
		assertThat(this.jdbc.sql("""
				select count(*) from delivery d
				where d.run_id = ? and d.msg_key is null""").param(run).query(Long.class).single()).isZero();
	}

	@Test
	void anEmptyCloudCustomDataIsJudgedByRandomAndBodyToo() {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 100);
		this.simulator.shapeHistory(app.sdkAppId(), HistoryShape.FULL.withEmptyCloudCustomData());
		othersSentTo(app, 2);
		loseAnswers(app, 22);
		startLookingUp();
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "empty data in history"));
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(100);
		this.fixtures.assertExactlyOnceWithinLimits(app);
	}

	@Test
	void aHistoryCutShortNeverProvesAbsenceAndLeavesTheDeliveryToAnOperator() {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 200);
		this.simulator.shapeHistory(app.sdkAppId(), HistoryShape.FULL.withoutCloudCustomData().cutAfter(1));
		othersSentTo(app, 2);
		loseAnswers(app, 23);
		startLookingUp();
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "cut history"));
		this.fixtures.awaitFinished(run);
		assertAtMostOneBroadcastPerOa(app);
		Map<String, Long> awaiting = awaitingByReason(run);
		assertThat(awaiting).as("502s: nothing landed, but the cut history cannot show it")
			.containsOnlyKeys("HISTORY_CUT");
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT) + awaiting.get("HISTORY_CUT")).isEqualTo(200);
		assertThat(lookups(run, Outcome.Label.RECONCILED_ABSENT)).as("absence never concluded").isZero();
		// The operator knows better (nothing landed): "send again" completes the run,
		// now that Tencent answers again.
		this.simulator.clearFaults(app.sdkAppId());
		assertThat(this.decisions.sendAllAgain(run)).isEqualTo(awaiting.get("HISTORY_CUT").intValue());
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(200);
		this.fixtures.assertExactlyOnceWithinLimits(app);
	}

	@Test
	void placeHoldersInTheRangeKeepTheDeliveryInDoubtWithoutASecondBroadcast() {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 200);
		this.simulator.shapeHistory(app.sdkAppId(), HistoryShape.FULL.placeholders(1.0, 5));
		loseAnswers(app, 24);
		startLookingUp();
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "place-holders"));
		this.fixtures.awaitFinished(run);
		assertAtMostOneBroadcastPerOa(app);
		Map<String, Long> awaiting = awaitingByReason(run);
		assertThat(awaiting).as("lost answers: the message is there, as a place-holder")
			.containsOnlyKeys("PLACEHOLDER");
		assertThat(this.simulator.acceptedBroadcasts(app.sdkAppId()).values().stream().mapToLong(Long::longValue).sum())
			.as("every delivery landed once: sent, or in doubt with its message in")
			.isEqualTo(200);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT) + awaiting.get("PLACEHOLDER")).isEqualTo(200);
		// The operator knows the messages are there: "mark as sent" settles them, no
		// call.
		assertThat(this.decisions.markAllSent(run)).isEqualTo(awaiting.get("PLACEHOLDER").intValue());
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(200);
		this.fixtures.assertExactlyOnceWithinLimits(app);
	}

	@Test
	void anExpiredHistoryCannotProveAbsence() {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 100);
		this.simulator.shapeHistory(app.sdkAppId(), HistoryShape.FULL.expiringAfter(Duration.ofSeconds(1)));
		othersSentTo(app, 1);
		this.simulator.injectSendFaults(app.sdkAppId(), 25, 0, List.of(), 0.2, 0, 0, 0);
		startLookingUp();
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "expired"));
		this.fixtures.awaitFinished(run);
		assertAtMostOneBroadcastPerOa(app);
		assertThat(awaitingByReason(run)).containsOnlyKeys("HISTORY_EXPIRED");
	}

	@ParameterizedTest
	@CsvSource({ "OK_ORIGINAL, 0", "OK_WITHOUT_KEY, 0", "ERROR, 10002", "ERROR, 10004", "OK_NEW_KEY, 0" })
	void aDroppedDuplicateAnsweredAnyWayIsNeverASecondBroadcast(DuplicateAnswer answer, int errorCode) {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 150);
		this.simulator.answerDuplicates(app.sdkAppId(), answer, errorCode);
		this.simulator.shapeHistory(app.sdkAppId(), HistoryShape.FULL.withoutCloudCustomData());
		// Answers lost after the message was stored: resent as-is within the window.
		this.simulator.injectSendFaults(app.sdkAppId(), 26, 0, List.of(), 0, 0, 0, 0.2);
		this.nodes.start("reconciling", DeliveryFixtures.quick());
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "duplicate " + answer));
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(150);
		this.fixtures.assertExactlyOnceWithinLimits(app);
	}

	private void assertAtMostOneBroadcastPerOa(DeliveryFixtures.TestApp app) {
		assertThat(this.simulator.acceptedBroadcasts(app.sdkAppId()).values()).as("broadcasts per OA")
			.allSatisfy((broadcasts) -> assertThat(broadcasts).isLessThanOrEqualTo(1L));
	}

	private long lookups(long run, Outcome.Label outcome) {
		return this.jdbc.sql("""
				select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
				where d.run_id = ? and a.kind = 'RECONCILE' and a.outcome = ?""")
			.params(run, outcome.value())
			.query(Long.class)
			.single();
	}

	private Map<String, Long> awaitingByReason(long run) {
		return this.jdbc.sql("""
				select doubt_reason, count(*) from delivery
				where run_id = ? and status = 'IN_DOUBT' and next_attempt_at is null group by doubt_reason""")
			.param(run)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
