package dev.herald.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The simulator as its own process (or as an in-process server for tests), on the JDK
 * HTTP server with no Spring context, so a benchmark's CPU figures for Herald do not
 * include the fake. Serves {@code /v4/official_account_open_http_svc/{command}} (also
 * under {@code /sim}, like inside Herald) and the admin API under {@code /sim/admin}.
 * <p>
 * {@code java -cp target/classes:<jackson jars> dev.herald.simulator.SimulatorServer
 * [--port 9090] [--threads 32] [--host 0.0.0.0] [--config apps.json]}; the port may also
 * come from {@code HERALD_SIMULATOR_PORT}. The config file is JSON:
 * {@code {"apps":[{"sdkAppId":..., "adminIdentifier":..., "secretKey":...,
 * "accounts":[...]}]}}.
 */
public final class SimulatorServer implements AutoCloseable {

	private static final String API_PATH = "/v4/" + OfficialAccountSimulator.SERVICE + "/";

	private final HttpServer http;

	private final ExecutorService pool;

	private final OfficialAccountSimulator simulator;

	private final SimulatorAdmin admin;

	private SimulatorServer(HttpServer http, ExecutorService pool, OfficialAccountSimulator simulator) {
		this.http = http;
		this.pool = pool;
		this.simulator = simulator;
		this.admin = new SimulatorAdmin(simulator);
	}

	/** Starts a server; port 0 picks a free one (see {@link #port()}). */
	static SimulatorServer start(InetSocketAddress address, int threads, OfficialAccountSimulator simulator)
			throws IOException {
		// Without TCP_NODELAY the JDK server's separate header and body writes meet the
		// client's delayed ACK: about 40 ms per call, which would cap a benchmark.
		// Read once when the JDK server's config class loads, so set it before.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
		HttpServer http = HttpServer.create(address, 256);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		SimulatorServer server = new SimulatorServer(http, pool, simulator);
		http.createContext("/", server::exchange);
		http.setExecutor(pool);
		http.start();
		return server;
	}

	int port() {
		return this.http.getAddress().getPort();
	}

	OfficialAccountSimulator simulator() {
		return this.simulator;
	}

	@Override
	public void close() {
		this.http.stop(0);
		this.pool.shutdownNow();
		try {
			this.pool.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void exchange(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			SimulatorResponse response;
			if (path.startsWith(SimulatorAdmin.PREFIX + "/")) {
				response = this.admin.handle(exchange.getRequestMethod(), path, body);
			}
			else if (path.startsWith(API_PATH) || path.startsWith("/sim" + API_PATH)) {
				if (!exchange.getRequestMethod().equals("POST")) {
					response = SimulatorResponse.admin(405, "{\"error\":\"POST only\"}");
				}
				else {
					String command = path.substring(path.indexOf(API_PATH) + API_PATH.length());
					response = this.simulator.handle(command, query(exchange.getRequestURI().getRawQuery()), body);
				}
			}
			else {
				response = SimulatorResponse.admin(404, "{\"error\":\"not found\"}");
			}
			write(exchange, response);
		}
	}

	private static void write(HttpExchange exchange, SimulatorResponse response) throws IOException {
		if (response.delayMillis() > 0) {
			try {
				Thread.sleep(response.delayMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (response.dropConnection()) {
			// Closing before the status line is sent makes the JDK server drop the
			// connection: the caller sees a reset or EOF, never an answer.
			return;
		}
		if (response.body().length == 0) {
			exchange.sendResponseHeaders(response.httpStatus(), -1);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(response.httpStatus(), response.body().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(response.body());
		}
	}

	static Map<String, String> query(@Nullable String rawQuery) {
		Map<String, String> params = new HashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return params;
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = options(args);
		int port = Integer.parseInt(options.getOrDefault("port", envOr("HERALD_SIMULATOR_PORT", "9090")));
		int threads = Integer.parseInt(options.getOrDefault("threads", "32"));
		String host = options.getOrDefault("host", "0.0.0.0");
		OfficialAccountSimulator simulator = new OfficialAccountSimulator(Clock.systemUTC(), List.of());
		String config = options.get("config");
		if (config != null) {
			JsonNode apps = simulator.json().readTree(Files.readAllBytes(Path.of(config))).path("apps");
			for (JsonNode app : apps) {
				simulator.register(simulator.json().treeToValue(app, AppSpec.class));
			}
		}
		SimulatorServer server = start(new InetSocketAddress(host, port), threads, simulator);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "simulator-shutdown"));
		// One line a benchmark script can wait for and parse (the port matters with 0).
		System.out.println(
				"Herald simulator listening on port " + server.port() + " with " + simulator.apps().size() + " app(s)");
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		List<String> list = new ArrayList<>(List.of(args));
		for (int i = 0; i < list.size(); i++) {
			String arg = list.get(i);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + arg);
			}
			int eq = arg.indexOf('=');
			if (eq > 0) {
				options.put(arg.substring(2, eq), arg.substring(eq + 1));
			}
			else if (i + 1 < list.size()) {
				options.put(arg.substring(2), list.get(++i));
			}
			else {
				throw new IllegalArgumentException("missing value for " + arg);
			}
		}
		return options;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
