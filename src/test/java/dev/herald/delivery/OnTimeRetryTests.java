package dev.herald.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries called before go out when they are due, not after the rest of a long run:
 * retries within their backoff plus 2 s, in-doubt resends inside Tencent's duplicate
 * window, and a dead node's claims within their lease plus 2 s (ADR 0009). Over real HTTP
 * against the simulator, judged from the attempt rows.
 */
@ApplicationTest
class OnTimeRetryTests {

	/** The most a call for a delivery called before may start after it was due. */
	private static final Duration ON_TIME = Duration.ofSeconds(2);

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DeliveryFixtures fixtures;

	@RegisterExtension
	final TestNodes nodes = new TestNodes();

	@Test
	void everyRetryOfALongRunGoesOutWithinItsBackoffPlusTwoSeconds() {
		DeliveryFixtures.TestApp app = this.fixtures.app(150, 2_000);
		// About 12 % of sends fail: 10002, 502, answers slower than the 1 s timeout,
		// answers lost after the message was stored (resent as-is, dropped as
		// duplicates).
		this.simulator.injectSendFaults(app.sdkAppId(), 15, 0.04, List.of(10002), 0.03, 0.02, 1500, 0.03);
		this.nodes.start("on-time", DeliveryFixtures.quick());
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "on time"));
		this.fixtures.awaitFinished(run);
		assertThat(this.fixtures.count(run, DeliveryStatus.SENT)).isEqualTo(2_000);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		Map<String, Object> later = this.jdbc.sql("""
				select count(*) as calls, max(extract(epoch from started_at - due_at)) as worst
				from (select a.*, row_number() over (partition by a.delivery_id order by a.id) as n
				      from delivery_attempt a join delivery d on d.id = a.delivery_id where d.run_id = ?) a
				where n > 1""").param(run).query().singleRow();
		assertThat((Long) later.get("calls")).as("calls of deliveries called before").isGreaterThan(150);
		assertThat(((Number) later.get("worst")).doubleValue()).as("latest start after due, in seconds")
			.isLessThanOrEqualTo(ON_TIME.toSeconds());
		assertThat(this.fixtures.attemptsStartedSince(run, AttemptKind.RECONCILE, Instant.EPOCH))
			.as("every resend of a lost answer fell inside Tencent's duplicate window")
			.isZero();
	}

	@Test
	void aDeadNodesClaimsGoOutWithinTheirLeasePlusTwoSecondsWhileMostOfTheRunWaits() {
		DeliveryFixtures.TestApp app = this.fixtures.app(50, 1_000);
		// Slow answers keep calls in flight when the node dies.
		this.simulator.injectSendFaults(app.sdkAppId(), 8, 0, List.of(), 0, 0.3, 800, 0);
		Dispatcher dying = this.nodes.start("dying", DeliveryFixtures.quick());
		long run = this.deliveries.startRun(DeliveryFixtures.order(app, "kill"));
		this.fixtures.awaitSent(run, 150);
		dying.crash();
		List<Stranded> stranded = this.jdbc.sql("""
				select id, lease_until from delivery
				where run_id = ? and status = 'SENDING' and claimed_by like 'dying#%'""")
			.param(run)
			.query((rs, n) -> new Stranded(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
		assertThat(stranded).as("claims the dead node left").isNotEmpty();
		this.nodes.start("successor", DeliveryFixtures.quick());
		this.fixtures.awaitFinished(run);
		this.fixtures.assertExactlyOnceWithinLimits(app);
		for (Stranded claim : stranded) {
			Instant next = this.jdbc
				.sql("select min(started_at) from delivery_attempt where delivery_id = ? and node like 'successor#%'")
				.param(claim.id())
				.query(Timestamp.class)
				.single()
				.toInstant();
			assertThat(next).as("delivery %d, leased until %s", claim.id(), claim.leaseUntil())
				.isBefore(claim.leaseUntil().plus(ON_TIME));
		}
		Instant lastFresh = this.jdbc.sql("select max(first_attempt_at) from delivery where run_id = ?")
			.param(run)
			.query(Timestamp.class)
			.single()
			.toInstant();
		Instant latestLease = stranded.stream().map(Stranded::leaseUntil).max(Instant::compareTo).orElseThrow();
		assertThat(lastFresh).as("the run still had fresh deliveries well after the leases ended")
			.isAfter(latestLease.plusSeconds(5));
	}

	private record Stranded(long id, Instant leaseUntil) {
	}

}
