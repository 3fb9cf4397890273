package dev.herald.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.simulator.TimedSimulator;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Apps on the built-in simulator, runs, extra dispatcher nodes and bounded waits. */
final class DeliveryFixtures {

	static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	private final ChatApps apps;

	private final SimulatorDirectory simulator;

	private final RunStore store;

	private final Recalls recalls;

	private final DispatchParts parts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JdbcClient jdbc;

	DeliveryFixtures(ChatApps apps, SimulatorDirectory simulator, RunStore store, Recalls recalls, DispatchParts parts,
			TransactionTemplate transactions, Clock clock, JdbcClient jdbc) {
		this.apps = apps;
		this.simulator = simulator;
		this.store = store;
		this.recalls = recalls;
		this.parts = parts;
		this.transactions = transactions;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Fixtures over the beans of a test's application context. */
	static DeliveryFixtures of(ApplicationContext context) {
		return new DeliveryFixtures(context.getBean(ChatApps.class), context.getBean(SimulatorDirectory.class),
				context.getBean(RunStore.class), context.getBean(Recalls.class), context.getBean(DispatchParts.class),
				context.getBean(TransactionTemplate.class), context.getBean(Clock.class),
				context.getBean(JdbcClient.class));
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

	Dispatcher node(String name, DeliveryProperties properties) {
		return node(name, properties, this.clock);
	}

	/** A node that reads the time from {@code clock}. */
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
			long run = this.store.insertRun(order, app.accounts().size(), now);
			long[] randoms = new long[app.accounts().size()];
			this.store.insertDeliveries(run, order, app.accounts(), randoms, now);
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

	/** The first ten deliveries of a run, by id. */
	List<DeliveryRow> deliveries(long runId) {
		return this.store.deliveries(runId, 10);
	}

	/** Waits until a recall is done, and returns it as it ended. */
	RecallProgress awaitDone(RecallProgress recall) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.alias("recall " + recall.id() + " to finish")
			.until(() -> this.recalls.progress(recall.id()), RecallProgress::done);
	}

	Map<DeliveryStatus, Long> counts(long runId) {
		return this.store.counts(runId);
	}

	long count(long runId, DeliveryStatus status) {
		return this.store.counts(runId).get(status);
	}

	/**
	 * One delivery of a finished one-account run, put back into IN_DOUBT without its key,
	 * as when every answer was lost: for callbacks to settle.
	 */
	long inDoubtDelivery(Deliveries deliveries, TestApp app) {
		long run = deliveries.startRun(order(app, "callback"));
		await(Duration.ofSeconds(60), () -> finished(run), "run to finish");
		long id = this.jdbc.sql("select id from delivery where run_id = ?").param(run).query(Long.class).single();
		this.jdbc.sql("update delivery set status = 'IN_DOUBT', next_attempt_at = null, msg_key = null where id = ?")
			.param(id)
			.update();
		return id;
	}

	boolean finished(long runId) {
		return this.store.run(runId).orElseThrow().finishedAt() != null;
	}

	static void await(Duration timeout, BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
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

}
