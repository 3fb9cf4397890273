package dev.herald.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.simulator.TimedSimulator;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Apps on the built-in simulator, runs, extra dispatcher nodes and waits for runs. A bean
 * of the test context wherever the built-in simulator runs (never in the benchmarks,
 * which load the test classes without it).
 */
@Component
@ConditionalOnBooleanProperty("herald.simulator.enabled")
class DeliveryFixtures {

	static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	/** The longest a test waits for the engine. */
	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final ChatApps apps;

	private final SimulatorDirectory simulator;

	private final RunStore runs;

	private final Recalls recalls;

	private final DispatchParts parts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JdbcClient jdbc;

	DeliveryFixtures(ChatApps apps, SimulatorDirectory simulator, RunStore runs, Recalls recalls, DispatchParts parts,
			TransactionTemplate transactions, Clock clock, JdbcClient jdbc) {
		this.apps = apps;
		this.simulator = simulator;
		this.runs = runs;
		this.recalls = recalls;
		this.parts = parts;
		this.transactions = transactions;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** A Chat app on the simulator, with its accounts. */
	record TestApp(long id, long sdkAppId, List<String> accounts) {
	}

	TestApp app(int rate, int accounts) {
		return app(rate, accounts, null, 7);
	}

	/** A Chat app on the simulator whose edition keeps messages for the given days. */
	TestApp app(int rate, int accounts, int historyDays) {
		return app(rate, accounts, null, historyDays);
	}

	/**
	 * A Chat app on the simulator, with its accounts.
	 * @param callbackToken the token its callbacks must be signed with, or {@code null}
	 */
	TestApp app(int rate, int accounts, @Nullable String callbackToken) {
		return app(rate, accounts, callbackToken, 7);
	}

	private TestApp app(int rate, int accounts, @Nullable String callbackToken, int historyDays) {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_500_000_000L, 1_900_000_000L);
		ChatAppView view = this.apps.create(new ChatAppSettings("Delivery " + sdkAppId, sdkAppId, Endpoint.SIMULATOR,
				null, "administrator", rate, historyDays, false), KEY, callbackToken);
		this.simulator.registerApp(sdkAppId, "administrator", KEY, rate);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < accounts; i++) {
			String id = "@TOA#_d" + sdkAppId + "_" + i;
			this.simulator.registerAccount(sdkAppId, id, "OA " + i, 10);
			ids.add(id);
		}
		return new TestApp(view.id(), sdkAppId, ids);
	}

	/** A Chat app on a simulator of its own, whose clock the test moves. */
	TestApp app(TimedSimulator simulator, int accounts) {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_500_000_000L, 1_900_000_000L);
		ChatAppView view = this.apps.create(new ChatAppSettings("Timed " + sdkAppId, sdkAppId, Endpoint.CUSTOM,
				simulator.baseUrl(), "administrator", 200), KEY);
		simulator.directory().registerApp(sdkAppId, "administrator", KEY, 200);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < accounts; i++) {
			String id = "@TOA#_t" + sdkAppId + "_" + i;
			simulator.directory().registerAccount(sdkAppId, id, "OA " + i, 10);
			ids.add(id);
		}
		return new TestApp(view.id(), sdkAppId, ids);
	}

	static String content(String text) {
		return TencentJson
			.toJson(OfficialAccountMessage.of("@TOA#_placeholder", 0, List.of(new MsgElement.TextElem(text)))
				.withCloudCustomData("campaign-data"));
	}

	static RunOrder order(TestApp app, String text) {
		return new RunOrder(app.id(), content(text), app.accounts(), null, null);
	}

	/** Another dispatcher node on this database, not started. */
	Dispatcher node(String name, DeliveryProperties properties) {
		return node(name, properties, this.clock);
	}

	/** A node that reads the time from {@code clock}, not started. */
	Dispatcher node(String name, DeliveryProperties properties, Clock clock) {
		return new Dispatcher(properties.withNode(name), clock, this.parts);
	}

	/**
	 * A node with short timeouts and leases, so faults and crashes resolve in seconds.
	 */
	static DeliveryProperties quick() {
		return DeliveryProperties.defaults()
			.withTimeouts(Duration.ofMillis(1000), Duration.ofSeconds(4), Duration.ofSeconds(2))
			.withRetries(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(4));
	}

	/**
	 * A finished run whose every delivery is SENT, with a message the simulator holds:
	 * recall tests need more messages per OA than Tencent's 2 broadcasts an hour allow.
	 */
	long sentRun(TestApp app, @Nullable Long campaign) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			RunOrder order = new RunOrder(app.id(), content("seeded"), app.accounts(), campaign, null);
			Instant now = this.clock.instant();
			long run = this.runs.insertRun(order, app.accounts().size(), now);
			long[] randoms = new long[app.accounts().size()];
			this.runs.insertDeliveries(run, order, app.accounts(), randoms, now);
			for (String account : app.accounts()) {
				long id = this.jdbc.sql("select id from delivery where run_id = ? and official_account = ?")
					.param(run)
					.param(account)
					.query(Long.class)
					.single();
				String key = this.simulator.storeMessage(app.sdkAppId(), account, 0, CloudCustomData.wrap(id, null));
				this.jdbc.sql("""
						update delivery set status = 'SENT', next_attempt_at = null, msg_key = ?, attempts = 1
						where id = ?""").param(key).param(id).update();
			}
			this.jdbc.sql("update send_run set state = 'FINISHED', finished_at = now() where id = ?")
				.param(run)
				.update();
			return run;
		}));
	}

	/**
	 * A paused run whose every delivery is still QUEUED: paused before it was committed,
	 * so no dispatcher ever claimed one.
	 */
	long pausedRun(TestApp app) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			RunOrder order = new RunOrder(app.id(), content("paused"), app.accounts(), null, null);
			Instant now = this.clock.instant();
			long run = this.runs.insertRun(order, app.accounts().size(), now);
			this.runs.insertDeliveries(run, order, app.accounts(), new long[app.accounts().size()], now);
			this.jdbc.sql("update send_run set state = 'PAUSED' where id = ?").param(run).update();
			return run;
		}));
	}

	/** Moves a delivery's send time (Tencent's MsgTime) back by {@code age}. */
	Instant sentAgo(long deliveryId, Duration age) {
		Instant sentAt = Instant.ofEpochSecond(this.clock.instant().minus(age).getEpochSecond());
		this.jdbc.sql("update delivery set msg_time = ? where id = ?")
			.param(sentAt.getEpochSecond())
			.param(deliveryId)
			.update();
		return sentAt;
	}

	Map<DeliveryStatus, Long> counts(long runId) {
		return this.runs.counts(runId);
	}

	long count(long runId, DeliveryStatus status) {
		return this.runs.counts(runId).get(status);
	}

	/** The first ten deliveries of a run, by id. */
	List<DeliveryRow> deliveries(long runId) {
		return this.runs.deliveries(runId, 10);
	}

	DeliveryRow delivery(long id) {
		return this.runs.delivery(id).orElseThrow();
	}

	/**
	 * One delivery of a finished one-account run, put back into IN_DOUBT without its key,
	 * as when every answer was lost: for callbacks to settle.
	 */
	long inDoubtDelivery(Deliveries deliveries, TestApp app) {
		long run = deliveries.startRun(order(app, "callback"));
		awaitFinished(run);
		long id = this.jdbc.sql("select id from delivery where run_id = ?").param(run).query(Long.class).single();
		this.jdbc.sql("update delivery set status = 'IN_DOUBT', next_attempt_at = null, msg_key = null where id = ?")
			.param(id)
			.update();
		return id;
	}

	boolean finished(long runId) {
		return this.runs.run(runId).orElseThrow().finishedAt() != null;
	}

	/** Waits until the run has finished. */
	void awaitFinished(long runId) {
		await().atMost(TIMEOUT).alias("run " + runId + " to finish").until(() -> finished(runId));
	}

	/** Waits until the run has at least {@code sent} SENT deliveries. */
	void awaitSent(long runId, long sent) {
		await().atMost(TIMEOUT)
			.alias(sent + " of run " + runId + " sent")
			.until(() -> count(runId, DeliveryStatus.SENT) >= sent);
	}

	/** Waits until a recall is done, and returns it as it ended. */
	RecallProgress awaitDone(RecallProgress recall) {
		return await().atMost(TIMEOUT)
			.alias("recall " + recall.id() + " to finish")
			.until(() -> this.recalls.progress(recall.id()), RecallProgress::done);
	}

	/** Each OA got exactly one broadcast, and Tencent's limits were never hit. */
	void assertExactlyOnceWithinLimits(TestApp app) {
		Map<String, Long> broadcasts = this.simulator.acceptedBroadcasts(app.sdkAppId());
		assertThat(broadcasts).hasSize(app.accounts().size());
		assertThat(broadcasts.values()).as("broadcasts per OA").containsOnly(1L);
		assertThat(this.simulator.answeredCodes(app.sdkAppId(), SimulatorDirectory.SEND)).as("answered codes")
			.doesNotContainKeys(60007, 10023);
	}

	List<String> nodesOf(long runId) {
		return this.jdbc.sql("""
				select distinct a.node from delivery_attempt a join delivery d on d.id = a.delivery_id
				where d.run_id = ? order by a.node""").param(runId).query(String.class).list();
	}

	/** Calls of one kind for a run's deliveries that started within [from, until). */
	long attemptsStartedBetween(long runId, AttemptKind kind, Instant from, Instant until) {
		return this.jdbc.sql("""
				select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
				where d.run_id = ? and a.kind = ? and a.started_at >= ? and a.started_at < ?""")
			.params(runId, kind.name(), Timestamp.from(from), Timestamp.from(until))
			.query(Long.class)
			.single();
	}

	/** Calls of one kind for a run's deliveries that started at or after {@code from}. */
	long attemptsStartedSince(long runId, AttemptKind kind, Instant from) {
		return this.jdbc.sql("""
				select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
				where d.run_id = ? and a.kind = ? and a.started_at >= ?""")
			.params(runId, kind.name(), Timestamp.from(from))
			.query(Long.class)
			.single();
	}

}
