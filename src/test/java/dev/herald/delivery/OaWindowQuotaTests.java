package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatApps;
import dev.herald.delivery.TestBroadcasts.TestBroadcast;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.simulator.TimedSimulator;
import dev.herald.support.ApplicationTest;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentChatClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every broadcast counts in its official account's window (1/s, 2 per hour), test sends
 * included, and a delivery that meets 10023 waits for the window instead of spending its
 * attempts (product rule 3). Real HTTP to a simulator whose clock the test moves forward
 * together with the dispatcher's, so the hour passes without waiting for it.
 */
@ApplicationTest
class OaWindowQuotaTests {

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private TestBroadcasts testBroadcasts;

	@Autowired
	private TencentChatClient client;

	@Autowired
	private ChatApps apps;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DeliveryFixtures fixtures;

	private TimedSimulator simulator;

	@RegisterExtension
	final TestNodes nodes = new TestNodes();

	@BeforeEach
	void useATimedSimulatorAndNode() {
		this.simulator = new TimedSimulator();
		this.nodes.start("timed", DeliveryFixtures.quick(), this.simulator.clock());
	}

	@AfterEach
	void closeTheSimulator() {
		this.simulator.close();
	}

	@Test
	void aTestSendFillsTheWindowSoALaterRunWaitsForTheHourInsteadOfMeeting10023() {
		DeliveryFixtures.TestApp app = this.fixtures.app(this.simulator, 1);
		String account = app.accounts().get(0);
		assertThat(this.testBroadcasts.send(app.id(), message(account))).isInstanceOfSatisfying(
				TestBroadcast.Called.class,
				(called) -> assertThat(called.result()).isInstanceOf(CallResult.Success.class));
		long first = this.deliveries.startRun(DeliveryFixtures.order(app, "first"));
		this.fixtures.awaitFinished(first);
		assertThat(this.fixtures.count(first, DeliveryStatus.SENT)).isEqualTo(1);

		// Two broadcasts this hour: a further test send is refused before any call.
		Instant now = Instant.now();
		assertThat(this.testBroadcasts.send(app.id(), message(account))).isInstanceOfSatisfying(
				TestBroadcast.Refused.class,
				(refused) -> assertThat(refused.windowOpensAt()).isAfter(now.plus(Duration.ofMinutes(59))));
		assertThat(sendCalls(app)).isEqualTo(2);

		long second = this.deliveries.startRun(DeliveryFixtures.order(app, "second"));
		this.simulator.advance(Duration.ofMinutes(30));
		long reads = this.simulator.clockReads();
		await().atMost(DeliveryFixtures.TIMEOUT)
			.alias("the node to look for work a few times")
			.until(() -> this.simulator.clockReads() > reads + 20);
		assertThat(this.fixtures.count(second, DeliveryStatus.QUEUED)).as("waiting for the window").isEqualTo(1);
		assertThat(sendCalls(app)).as("no call while the window is full").isEqualTo(2);

		this.simulator.advance(Duration.ofMinutes(31));
		this.fixtures.awaitFinished(second);
		assertThat(this.fixtures.count(second, DeliveryStatus.SENT)).isEqualTo(1);
		assertThat(attempts(second)).isEqualTo(1);
		assertThat(this.simulator.directory().acceptedBroadcasts(app.sdkAppId())).containsEntry(account, 3L);
		assertThat(this.simulator.directory().answeredCodes(app.sdkAppId(), SimulatorDirectory.SEND))
			.doesNotContainKey(10023);
	}

	@Test
	void a10023HeraldCouldNotForeseeWaitsForTheWindowWithoutSpendingAttempts() {
		DeliveryFixtures.TestApp app = this.fixtures.app(this.simulator, 1);
		String account = app.accounts().get(0);
		// Two broadcasts by another tool, which Herald does not see.
		assertThat(this.client.send(this.apps.connection(app.id()), message(account)))
			.isInstanceOf(CallResult.Success.class);
		this.simulator.advance(Duration.ofSeconds(2));
		assertThat(this.client.send(this.apps.connection(app.id()), message(account)))
			.isInstanceOf(CallResult.Success.class);

		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "after another tool"));
		// The quick node would spend its 8 attempts in seconds; instead the second
		// refusal in a row makes it wait the hour.
		await().atMost(DeliveryFixtures.TIMEOUT).alias("the delivery to wait for the hour").until(() -> {
			Instant next = nextAttemptAt(run);
			return refusals(app) >= 2 && next != null
					&& next.isAfter(this.simulator.clock().instant().plus(Duration.ofMinutes(50)));
		});
		assertThat(this.fixtures.count(run, DeliveryStatus.QUEUED)).isEqualTo(1);
		assertThat(attempts(run)).as("refusals spend no attempt").isZero();
		Instant windowOpens = instant(
				"select next_allowed_at from oa_window where chat_app_id = ? and official_account = ?", app.id(),
				account);
		assertThat(windowOpens).as("other deliveries to the OA wait too").isAfterOrEqualTo(nextAttemptAt(run));

		this.simulator.advance(Duration.ofMinutes(61));
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(1);
		assertThat(attempts(run)).isEqualTo(1);
		assertThat(refusals(app)).isEqualTo(2);
	}

	private static OfficialAccountMessage message(String account) {
		return OfficialAccountMessage.of(account, ThreadLocalRandom.current().nextLong(0, 1L << 32),
				List.of(new MsgElement.TextElem("test send")));
	}

	private long sendCalls(DeliveryFixtures.TestApp app) {
		return this.simulator.directory().calls(app.sdkAppId(), SimulatorDirectory.SEND);
	}

	private long refusals(DeliveryFixtures.TestApp app) {
		return this.simulator.directory()
			.answeredCodes(app.sdkAppId(), SimulatorDirectory.SEND)
			.getOrDefault(10023, 0L);
	}

	private int attempts(long runId) {
		return this.jdbc.sql("select attempts from delivery where run_id = ?")
			.param(runId)
			.query(Integer.class)
			.single();
	}

	private @Nullable Instant nextAttemptAt(long runId) {
		return instant("select next_attempt_at from delivery where run_id = ?", runId);
	}

	private @Nullable Instant instant(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query((rs, n) -> {
			OffsetDateTime value = rs.getObject(1, OffsetDateTime.class);
			return (value != null) ? value.toInstant() : null;
		}).list().get(0);
	}

}
