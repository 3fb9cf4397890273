package dev.herald.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.herald.HeraldApplication;
import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.delivery.Deliveries;
import dev.herald.delivery.RunOrder;
import dev.herald.delivery.RunProgress;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery benchmark (not a test), started by {@code bench/run}: Herald in this
 * process on an embedded PostgreSQL, the simulator in another. Prints
 * {@code RESULT name=value} lines.
 * <ul>
 * <li>{@code --write-simulator-config FILE}: the simulator's apps and accounts</li>
 * <li>{@code --scenario dispatch|engine|materialise --simulator URL}: one
 * measurement</li>
 * </ul>
 */
public final class HeraldBenchmark {

	static final String KEY = "bench-only-secret-key-0123456789abcdef0123456789abcdef";

	static final int OAS = 10_000;

	static final long DISPATCH_APP = 1_700_000_001L;

	static final int DISPATCH_RATE = 200;

	// "No limit": the highest rate a Chat app may be given (1000/s), on four apps.
	static final long[] ENGINE_APPS = { 1_700_000_011L, 1_700_000_012L, 1_700_000_013L, 1_700_000_014L };

	static final int ENGINE_RATE = 1000;

	static final int MATERIALISE_ROWS = 100_000;

	private HeraldBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("--write-simulator-config")) {
			writeSimulatorConfig(Path.of(args[1]));
			return;
		}
		String scenario = option(args, "--scenario");
		String simulator = option(args, "--simulator");
		List<String> properties = new ArrayList<>(
				List.of("--server.port=0", "--herald.demo=false", "--herald.simulator.enabled=false",
						"--spring.main.banner-mode=off", "--logging.level.dev.herald.tencent=ERROR",
						"--herald.database.embedded.data-dir=" + option(args, "--data-dir")));
		String safety = System.getenv("BENCH_RATE_SAFETY");
		if (safety != null && !safety.isBlank()) {
			properties.add("--herald.delivery.rate-safety=" + safety);
		}
		if (scenario.equals("materialise")) {
			properties.add("--herald.delivery.enabled=false");
		}
		try (ConfigurableApplicationContext context = SpringApplication.run(HeraldApplication.class,
				properties.toArray(String[]::new))) {
			switch (scenario) {
				case "dispatch" -> dispatch(context, simulator);
				case "engine" -> engine(context, simulator);
				case "materialise" -> materialise(context);
				default -> throw new IllegalArgumentException("unknown scenario " + scenario);
			}
		}
	}

	private static void dispatch(ConfigurableApplicationContext context, String simulator) throws InterruptedException {
		long app = app(context, "Bench dispatch", DISPATCH_APP, DISPATCH_RATE, simulator);
		List<Long> runs = List.of(start(context, app, DISPATCH_APP, OAS));
		Measured measured = await(context, runs, Duration.ofMinutes(5));
		double rate = measured.sent / measured.seconds;
		System.out.println("RESULT dispatch.deliveries=" + measured.sent);
		System.out.println("RESULT dispatch.limit_per_second=" + DISPATCH_RATE);
		System.out.printf("RESULT dispatch.achieved_per_second=%.1f%n", rate);
		System.out.printf("RESULT dispatch.ratio_to_limit=%.3f%n", rate / DISPATCH_RATE);
		System.out.println("RESULT dispatch.throttle_errors=" + measured.throttleErrors);
		System.out.println("RESULT dispatch.failed=" + measured.notSent);
	}

	private static void engine(ConfigurableApplicationContext context, String simulator) throws InterruptedException {
		List<Long> runs = new ArrayList<>();
		int each = OAS / ENGINE_APPS.length;
		List<Long> apps = new ArrayList<>();
		for (long sdkAppId : ENGINE_APPS) {
			apps.add(app(context, "Bench engine " + sdkAppId, sdkAppId, ENGINE_RATE, simulator));
		}
		long cpuBefore = processCpuNanos();
		for (int i = 0; i < ENGINE_APPS.length; i++) {
			runs.add(start(context, apps.get(i), ENGINE_APPS[i], each));
		}
		Measured measured = await(context, runs, Duration.ofMinutes(5));
		long cpu = processCpuNanos() - cpuBefore;
		System.out.println("RESULT engine.deliveries=" + measured.sent);
		System.out.println("RESULT engine.apps=" + ENGINE_APPS.length);
		System.out.println("RESULT engine.rate_limit_per_app=" + ENGINE_RATE);
		System.out.printf("RESULT engine.deliveries_per_second=%.1f%n", measured.sent / measured.seconds);
		// CPU of this process (Herald) per delivery, rows created included: less
		// sensitive
		// than the rate to other load on a shared machine.
		System.out.printf("RESULT engine.herald_cpu_ms_per_1000_deliveries=%.0f%n", cpu / 1e6 / measured.sent * 1000);
		System.out.println("RESULT engine.throttle_errors=" + measured.throttleErrors);
		System.out.println("RESULT engine.failed=" + measured.notSent);
	}

	private static void materialise(ConfigurableApplicationContext context) {
		ChatApps apps = context.getBean(ChatApps.class);
		long app = apps
			.create(new ChatAppSettings("Bench materialise", 1_700_000_021L, Endpoint.CUSTOM, "http://127.0.0.1:9",
					"administrator", 200), KEY)
			.id();
		List<String> targets = new ArrayList<>(MATERIALISE_ROWS);
		for (int i = 0; i < MATERIALISE_ROWS; i++) {
			targets.add("@TOA#_m" + i);
		}
		Deliveries deliveries = context.getBean(Deliveries.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		// Warm up once (JIT, statement plans), then measure.
		transactions.execute(
				(status) -> deliveries.startRun(new RunOrder(app, content(), targets.subList(0, 1000), null, null)));
		long started = System.nanoTime();
		Long run = transactions
			.execute((status) -> deliveries.startRun(new RunOrder(app, content(), targets, null, null)));
		double seconds = (System.nanoTime() - started) / 1e9;
		long rows = context.getBean(JdbcClient.class)
			.sql("select count(*) from delivery where run_id = ?")
			.param(run)
			.query(Long.class)
			.single();
		System.out.println("RESULT materialise.rows=" + rows);
		System.out.printf("RESULT materialise.seconds=%.2f%n", seconds);
		System.out.printf("RESULT materialise.rows_per_second=%.0f%n", rows / seconds);
	}

	private static long processCpuNanos() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
			return bean.getProcessCpuTime();
		}
		return 0;
	}

	private static long app(ConfigurableApplicationContext context, String name, long sdkAppId, int rate,
			String simulator) {
		return context.getBean(ChatApps.class)
			.create(new ChatAppSettings(name, sdkAppId, Endpoint.CUSTOM, simulator, "administrator", rate), KEY)
			.id();
	}

	private static long start(ConfigurableApplicationContext context, long app, long sdkAppId, int accounts) {
		List<String> targets = new ArrayList<>(accounts);
		for (int i = 0; i < accounts; i++) {
			targets.add(account(sdkAppId, i));
		}
		return context.getBean(Deliveries.class).startRun(new RunOrder(app, content(), targets, null, null));
	}

	private record Measured(long sent, long notSent, double seconds, long throttleErrors) {
	}

	private static Measured await(ConfigurableApplicationContext context, List<Long> runs, Duration timeout)
			throws InterruptedException {
		Deliveries deliveries = context.getBean(Deliveries.class);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (runs.stream().map(deliveries::progress).anyMatch(RunProgress::active)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("runs did not finish in " + timeout);
			}
			Thread.sleep(200);
		}
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Map<String, Object> span = jdbc
			.sql("""
					select count(*) filter (where status = 'SENT') as sent, count(*) filter (where status <> 'SENT') as not_sent,
					       extract(epoch from max(last_attempt_at) - min(first_attempt_at)) as seconds
					from delivery where run_id in (:runs)""")
			.param("runs", runs)
			.query()
			.singleRow();
		long throttled = jdbc.sql("""
				select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
				where d.run_id in (:runs) and a.error_code in (60007, 60011, 10023)""")
			.param("runs", runs)
			.query(Long.class)
			.single();
		double seconds = ((Number) span.get("seconds")).doubleValue();
		return new Measured(((Number) span.get("sent")).longValue(), ((Number) span.get("not_sent")).longValue(),
				seconds, throttled);
	}

	static String content() {
		return TencentJson.toJson(OfficialAccountMessage
			.of("@TOA#_placeholder", 0, List.of(new MsgElement.TextElem("Benchmark broadcast")))
			.withCloudCustomData("bench"));
	}

	static String account(long sdkAppId, int i) {
		return "@TOA#_b" + sdkAppId + "_" + i;
	}

	private static void writeSimulatorConfig(Path file) throws IOException {
		StringBuilder json = new StringBuilder("{\"apps\":[");
		List<long[]> apps = new ArrayList<>();
		apps.add(new long[] { DISPATCH_APP, DISPATCH_RATE, OAS });
		for (long id : ENGINE_APPS) {
			apps.add(new long[] { id, ENGINE_RATE, OAS / ENGINE_APPS.length });
		}
		for (int a = 0; a < apps.size(); a++) {
			long[] app = apps.get(a);
			json.append((a > 0) ? "," : "")
				.append("{\"sdkAppId\":")
				.append(app[0])
				.append(",\"adminIdentifier\":\"administrator\",\"secretKey\":\"")
				.append(KEY)
				.append("\",\"rateLimitPerSecond\":")
				.append(app[1])
				.append(",\"accounts\":[");
			for (int i = 0; i < app[2]; i++) {
				json.append((i > 0) ? "," : "")
					.append("{\"officialAccount\":\"")
					.append(account(app[0], i))
					.append("\",\"name\":\"b")
					.append(i)
					.append("\",\"subscriberNum\":1}");
			}
			json.append("]}");
		}
		json.append("]}");
		Files.writeString(file, json, StandardCharsets.UTF_8);
	}

	private static String option(String[] args, String name) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		throw new IllegalArgumentException("missing " + name);
	}

}
