package dev.herald.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.herald.HeraldApplication;
import dev.herald.campaign.BenchCampaigns;
import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.delivery.Deliveries;
import dev.herald.delivery.RunOrder;
import dev.herald.delivery.RunProgress;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.CampaignFixtures;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;
import org.jspecify.annotations.Nullable;

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

	/** OAs of a dispatch or engine run; {@code BENCH_OAS} overrides. */
	static final int OAS = Integer.parseInt(System.getenv().getOrDefault("BENCH_OAS", "10000"));

	static final long DISPATCH_APP = 1_700_000_001L;

	static final int DISPATCH_RATE = 200;

	// "No limit": the highest rate a Chat app may be given (1000/s), on four apps.
	static final long[] ENGINE_APPS = { 1_700_000_011L, 1_700_000_012L, 1_700_000_013L, 1_700_000_014L };

	static final int ENGINE_RATE = 1000;

	static final int ENGINE_WARMUP_RUNS = 2;

	static final int MATERIALISE_ROWS = 100_000;

	static final int LATENESS_CAMPAIGNS = 20;

	static final int LATENESS_OAS = 5;

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

	private static void dispatch(ConfigurableApplicationContext context, String simulator) {
		long app = app(context, "Bench dispatch", DISPATCH_APP, DISPATCH_RATE, simulator);
		lateness(context, app);
		List<Long> runs = List.of(start(context, app, DISPATCH_APP, 0, OAS));
		Measured measured = finished(context, runs, Duration.ofMinutes(5));
		double rate = measured.sent / measured.seconds;
		System.out.println("RESULT dispatch.deliveries=" + measured.sent);
		System.out.println("RESULT dispatch.limit_per_second=" + DISPATCH_RATE);
		System.out.printf("RESULT dispatch.achieved_per_second=%.1f%n", rate);
		System.out.printf("RESULT dispatch.ratio_to_limit=%.3f%n", rate / DISPATCH_RATE);
		System.out.println("RESULT dispatch.throttle_errors=" + measured.throttleErrors);
		System.out.println("RESULT dispatch.failed=" + measured.notSent);
	}

	/**
	 * How late the first call of a scheduled campaign starts: {@link #LATENESS_CAMPAIGNS}
	 * one-time campaigns of {@link #LATENESS_OAS} OAs each, scheduled a second apart
	 * through the campaign scheduler, fired by Quartz, handed to the engine and sent. The
	 * lateness of one is its first call's start minus its scheduled time.
	 */
	private static void lateness(ConfigurableApplicationContext context, long app) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		OfficialAccounts accounts = context.getBean(OfficialAccounts.class);
		long version = new CampaignFixtures(jdbc, context.getBean(ChatApps.class), accounts)
			.approvedVersion("Bench lateness");
		Instant first = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
		Map<Long, Instant> scheduled = new LinkedHashMap<>();
		for (int c = 0; c < LATENESS_CAMPAIGNS; c++) {
			Set<Long> targets = new HashSet<>();
			for (int i = 0; i < LATENESS_OAS; i++) {
				String account = account(DISPATCH_APP, OAS + c * LATENESS_OAS + i);
				targets.add(accounts.add(app, account, "Lateness " + c + "/" + i, 1, false).id());
			}
			Instant at = first.plusSeconds(c);
			scheduled.put(BenchCampaigns.once(context, "Bench lateness " + c, app, version, targets, at), at);
		}
		long expected = (long) LATENESS_CAMPAIGNS * LATENESS_OAS;
		waitUntil("the scheduled campaigns to finish", Duration.ofMinutes(2),
				() -> jdbc.sql("select count(*) from delivery where campaign_id in (:ids) and status = 'SENT'")
					.param("ids", scheduled.keySet())
					.query(Long.class)
					.single() >= expected);
		List<Double> late = new ArrayList<>();
		jdbc.sql("select campaign_id, min(first_attempt_at) as first_call from delivery where campaign_id in (:ids) "
				+ "group by campaign_id")
			.param("ids", scheduled.keySet())
			.query((rs, n) -> {
				Instant call = rs.getTimestamp("first_call").toInstant();
				return Duration.between(scheduled.get(rs.getLong("campaign_id")), call).toNanos() / 1e6;
			})
			.list()
			.forEach(late::add);
		Collections.sort(late);
		System.out.println("RESULT dispatch.lateness_campaigns=" + late.size());
		System.out.printf("RESULT dispatch.first_call_lateness_p50_ms=%.0f%n", percentile(late, 0.50));
		System.out.printf("RESULT dispatch.first_call_lateness_p99_ms=%.0f%n", percentile(late, 0.99));
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(List<Double> sorted, double fraction) {
		int rank = (int) Math.ceil(fraction * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	/**
	 * Two runs of {@link #OAS} deliveries over four apps, each to its own accounts: the
	 * first in a JVM that has just started (its JIT compilers busy on the same two
	 * cores), the second warm, as a node in service runs.
	 */
	private static void engine(ConfigurableApplicationContext context, String simulator) {
		List<Long> apps = new ArrayList<>();
		for (long sdkAppId : ENGINE_APPS) {
			apps.add(app(context, "Bench engine " + sdkAppId, sdkAppId, ENGINE_RATE, simulator));
		}
		engineRun(context, apps, 0, "engine.cold");
		// Warm-up runs, not reported: the JIT compilers of Herald and the simulator
		// finish
		// their work on the hot paths, as in a node that has been in service for a while.
		for (int round = 1; round <= ENGINE_WARMUP_RUNS; round++) {
			engineRun(context, apps, round, null);
		}
		engineRun(context, apps, ENGINE_WARMUP_RUNS + 1, "engine");
		System.out.println("RESULT engine.herald_peak_rss_mb=" + peakRssMegabytes());
		System.out.println("RESULT engine.apps=" + ENGINE_APPS.length);
		System.out.println("RESULT engine.rate_limit_per_app=" + ENGINE_RATE);
	}

	private static void engineRun(ConfigurableApplicationContext context, List<Long> apps, int round,
			@Nullable String name) {
		int each = OAS / ENGINE_APPS.length;
		long cpuBefore = processCpuNanos();
		long simulatorBefore = simulatorCpuMillis();
		long machineBefore = machineCpuMillis();
		List<Long> runs = new ArrayList<>();
		for (int i = 0; i < ENGINE_APPS.length; i++) {
			runs.add(start(context, apps.get(i), ENGINE_APPS[i], round, each));
		}
		Measured measured = finished(context, runs, Duration.ofMinutes(5));
		long cpu = processCpuNanos() - cpuBefore;
		long simulatorCpu = simulatorCpuMillis() - simulatorBefore;
		long machineCpu = machineCpuMillis() - machineBefore;
		if (name == null) {
			return;
		}
		System.out.println("RESULT " + name + ".deliveries=" + measured.sent);
		System.out.printf("RESULT %s.deliveries_per_second=%.1f%n", name, measured.sent / measured.seconds);
		// CPU of this process (Herald) per delivery, rows created included: less
		// sensitive than the rate to other load on a shared machine.
		System.out.printf("RESULT %s.herald_cpu_ms_per_1000_deliveries=%.0f%n", name, cpu / 1e6 / measured.sent * 1000);
		// Cores' worth of CPU Herald used while the run lasted (100 = one core).
		System.out.printf("RESULT %s.herald_cpu_percent=%.0f%n", name, cpu / 1e7 / measured.seconds);
		// Where the rest of the two cores goes: the simulator (a separate process) and,
		// in the remainder, PostgreSQL and the kernel.
		if (simulatorCpu >= 0 && machineCpu > 0) {
			System.out.printf("RESULT %s.simulator_cpu_ms_per_1000_deliveries=%.0f%n", name,
					simulatorCpu * 1000.0 / measured.sent);
			System.out.printf("RESULT %s.machine_cpu_ms_per_1000_deliveries=%.0f%n", name,
					machineCpu * 1000.0 / measured.sent);
		}
		System.out.println("RESULT " + name + ".throttle_errors=" + measured.throttleErrors);
		System.out.println("RESULT " + name + ".failed=" + measured.notSent);
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

	/** The most resident memory this process has had (Linux VmHWM), or -1. */
	private static long peakRssMegabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux.
		}
		return -1;
	}

	/** User and system CPU of all processes (Linux), or -1. */
	private static long machineCpuMillis() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long ticks = 0;
			// user nice system (idle iowait skipped) irq softirq steal
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				ticks += Long.parseLong(fields[i]);
			}
			return ticks * 10;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * User and system CPU of the simulator process named by BENCH_SIMULATOR_PID, or -1.
	 */
	private static long simulatorCpuMillis() {
		String pid = System.getenv("BENCH_SIMULATOR_PID");
		if (pid == null || pid.isBlank()) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc", pid.trim(), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long processCpuNanos() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
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

	private static long start(ConfigurableApplicationContext context, long app, long sdkAppId, int round,
			int accounts) {
		List<String> targets = new ArrayList<>(accounts);
		for (int i = 0; i < accounts; i++) {
			targets.add(account(sdkAppId, round * accounts + i));
		}
		return context.getBean(Deliveries.class).startRun(new RunOrder(app, content(), targets, null, null));
	}

	private record Measured(long sent, long notSent, double seconds, long throttleErrors) {
	}

	private static Measured finished(ConfigurableApplicationContext context, List<Long> runs, Duration timeout) {
		Deliveries deliveries = context.getBean(Deliveries.class);
		waitUntil("the runs to finish", timeout,
				() -> runs.stream().map(deliveries::progress).noneMatch(RunProgress::active));
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
		apps.add(new long[] { DISPATCH_APP, DISPATCH_RATE, OAS + LATENESS_CAMPAIGNS * LATENESS_OAS });
		for (long id : ENGINE_APPS) {
			// The cold run, the warm-up runs and the measured run, each to its own
			// accounts.
			apps.add(new long[] { id, ENGINE_RATE, (ENGINE_WARMUP_RUNS + 2) * (OAS / ENGINE_APPS.length) });
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

	/**
	 * Polls a condition every 200 ms. Not Awaitility: the benchmark runs from the
	 * packaged jar plus the test classes, without the test libraries.
	 */
	private static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted waiting for " + what, ex);
			}
		}
	}

}
