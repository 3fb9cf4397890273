package dev.herald.delivery;

import java.time.Duration;
import java.util.List;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against the simulator over real HTTP, with this JVM's own dispatcher stopped
 * and test nodes started instead: exactly one broadcast per OA under faults, after a
 * crash, and with two nodes, never over Tencent's limits.
 */
@ApplicationTest
@RecordApplicationEvents
class DeliveryEngineTests {

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private DeliveryFixtures fixtures;

	@RegisterExtension
	final TestNodes nodes = new TestNodes();

	@Test
	void everyOaGetsExactlyOneBroadcastDespiteFaultsLostAnswersAndTimeouts() {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 120);
		// 22% of sends fail: 10002, 502, answers slower than the 1 s timeout (the message
		// is in), answers lost after the message was stored.
		this.simulator.injectSendFaults(app.sdkAppId(), 42, 0.07, List.of(10002), 0.05, 0.05, 1500, 0.05);
		this.nodes.start("faulty-a", DeliveryFixtures.quick());
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "faults"));
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(120);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.SEND)).as("retries happened")
			.isGreaterThan(130);
		assertThat(this.events.stream(SendRunFinished.class).filter((e) -> e.runId() == run)).singleElement()
			.satisfies((finished) -> assertThat(finished.sent()).isEqualTo(120));
	}

	@Test
	void unknownOutcomesPastTheResendWindowAreReconciledFromTheHistory() {
		DeliveryFixtures.TestApp app = this.fixtures.app(300, 60);
		this.simulator.injectSendFaults(app.sdkAppId(), 7, 0, List.of(), 0.1, 0.1, 1500, 0.1);
		// A resend window of zero: every possibly-landed attempt is looked up first.
		this.nodes.start("reconciler",
				DeliveryFixtures.quick().withRetries(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ZERO));
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "reconcile"));
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(60);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.GET_SIMPLE)).isPositive();
		assertThat(this.jdbc.sql("select count(*) from delivery where run_id = ? and msg_key is null")
			.param(run)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCrashedNodesClaimsAreFinishedByAnotherWithoutASecondBroadcast() {
		DeliveryFixtures.TestApp app = this.fixtures.app(60, 150);
		this.simulator.injectSendFaults(app.sdkAppId(), 3, 0, List.of(), 0, 0.1, 3000, 0);
		Dispatcher first = this.nodes.start("crashing", DeliveryFixtures.quick());
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "crash"));
		this.fixtures.awaitSent(run, 40);
		first.crash();
		long sentAtCrash = this.fixtures.count(run, DeliveryStatus.SENT);
		assertThat(sentAtCrash).isLessThan(150);
		this.nodes.start("successor", DeliveryFixtures.quick());
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(150);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(this.fixtures.nodesOf(run)).anyMatch((node) -> node.startsWith("successor"));
	}

	@Test
	void twoNodesShareOneRunWithoutDuplicatesOrExceedingTheAppRate() {
		DeliveryFixtures.TestApp app = this.fixtures.app(50, 150);
		Dispatcher a = this.nodes.start("node-a", DeliveryFixtures.quick());
		Dispatcher b = this.nodes.start("node-b", DeliveryFixtures.quick());
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "two nodes"));
		this.fixtures.awaitSent(run, 50);
		// The node holding the app hands over; the other continues.
		String holder = this.jdbc.sql("select holder from dispatch_lease where chat_app_id = ?")
			.param(app.id())
			.query(String.class)
			.single();
		(holder.startsWith("node-a#") ? a : b).stop();
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(150);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		assertThat(this.fixtures.nodesOf(run)).hasSize(2);
	}

}
