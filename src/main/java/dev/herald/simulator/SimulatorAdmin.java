package dev.herald.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's admin API (JSON in and out), shared by both front doors so they serve
 * exactly the same routes. Paths are relative to {@code /sim/admin}:
 *
 * <pre>
 * GET    /apps                        registered apps (never the secret key)
 * POST   /apps                        register an app, or update its settings (state kept)
 * GET    /apps/{id}                   one app
 * DELETE /apps/{id}                   forget an app
 * GET    /apps/{id}/accounts          its official accounts
 * POST   /apps/{id}/accounts          add or update one official account
 * GET    /apps/{id}/faults            random fault settings
 * PUT    /apps/{id}/faults            set them (a seed makes them reproducible)
 * DELETE /apps/{id}/faults            no more faults (random and scripted)
 * POST   /apps/{id}/faults/next       queue a one-shot fault
 * GET    /apps/{id}/history           the shape of its get_simple history ({@link HistoryShape})
 * PUT    /apps/{id}/history           set it ({} is FULL, a whole plain history)
 * GET    /apps/{id}/duplicates        the answer to a dropped duplicate
 * PUT    /apps/{id}/duplicates        set it: {"duplicateAnswer":"ERROR","duplicateErrorCode":10002}
 * GET    /counts                      counters of every app, command and OA
 * POST   /reset                       forget history, windows, counters, faults, history shapes
 * </pre>
 */
final class SimulatorAdmin {

	static final String PREFIX = "/sim/admin";

	private static final Pattern APP = Pattern.compile("/apps/(\\d+)(/.*)?");

	private final OfficialAccountSimulator simulator;

	private final JsonMapper json;

	SimulatorAdmin(OfficialAccountSimulator simulator) {
		this.simulator = simulator;
		this.json = simulator.json();
	}

	SimulatorResponse handle(String method, String path, byte[] body) {
		String route = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
		if (route.endsWith("/") && route.length() > 1) {
			route = route.substring(0, route.length() - 1);
		}
		try {
			return route(method.toUpperCase(), route, body);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return error(400, ex.getMessage());
		}
	}

	private SimulatorResponse route(String method, String route, byte[] body) {
		if (route.equals("/apps")) {
			return switch (method) {
				case "GET" -> answer(200, this.simulator.apps().stream().map(AppView::of).toList());
				case "POST" -> {
					AppSpec spec = this.json.readValue(body, AppSpec.class);
					this.simulator.register(spec);
					yield answer(201, app(spec.sdkAppId()).orElseThrow());
				}
				default -> notAllowed();
			};
		}
		if (route.equals("/counts") && method.equals("GET")) {
			return answer(200, counts());
		}
		if (route.equals("/reset") && method.equals("POST")) {
			this.simulator.reset();
			return answer(200, Map.of("reset", true));
		}
		Matcher matcher = APP.matcher(route);
		if (!matcher.matches()) {
			return error(404, "no such admin resource");
		}
		long sdkAppId = Long.parseLong(matcher.group(1));
		String rest = Optional.ofNullable(matcher.group(2)).orElse("");
		if (app(sdkAppId).isEmpty()) {
			return error(404, "unknown app " + sdkAppId);
		}
		return switch (method + " " + rest) {
			case "GET " -> answer(200, app(sdkAppId).orElseThrow());
			case "DELETE " -> {
				this.simulator.removeApp(sdkAppId);
				yield answer(200, Map.of("removed", sdkAppId));
			}
			case "GET /accounts" -> answer(200,
					this.simulator
						.withApp(sdkAppId, (app) -> app.accounts.values().stream().map((a) -> a.spec).toList())
						.orElseThrow());
			case "POST /accounts" -> answer(201,
					this.simulator.addAccount(sdkAppId, this.json.readValue(body, AccountSpec.class)).orElseThrow());
			case "GET /faults" -> answer(200, this.simulator.withApp(sdkAppId, (app) -> app.faults).orElseThrow());
			case "PUT /faults" -> {
				FaultSettings faults = this.json.readValue(body, FaultSettings.class);
				this.simulator.withApp(sdkAppId, (app) -> {
					app.setFaults(faults);
					return faults;
				});
				yield answer(200, faults);
			}
			case "DELETE /faults" -> {
				this.simulator.withApp(sdkAppId, (app) -> {
					app.setFaults(FaultSettings.NONE);
					app.scriptedFaults.clear();
					return app;
				});
				yield answer(200, FaultSettings.NONE);
			}
			case "POST /faults/next" -> {
				ScriptedFault fault = this.json.readValue(body, ScriptedFault.class);
				this.simulator.withApp(sdkAppId, (app) -> app.scriptedFaults.add(fault));
				yield answer(201, fault);
			}
			case "GET /history" ->
				answer(200, this.simulator.withApp(sdkAppId, (app) -> app.historyShape).orElseThrow());
			case "PUT /history" -> {
				HistoryShape shape = this.json.readValue(body, HistoryShape.class);
				this.simulator.shapeHistory(sdkAppId, shape);
				yield answer(200, shape);
			}
			case "GET /duplicates" ->
				answer(200, this.simulator.withApp(sdkAppId, (app) -> DuplicateSettings.of(app.spec)).orElseThrow());
			case "PUT /duplicates" -> {
				DuplicateSettings settings = this.json.readValue(body, DuplicateSettings.class);
				yield answer(200, DuplicateSettings.of(this.simulator.answerDuplicates(sdkAppId,
						settings.duplicateAnswer(), settings.duplicateErrorCode())));
			}
			default -> error(404, "no such admin resource");
		};
	}

	private Optional<AppView> app(long sdkAppId) {
		return this.simulator.apps().stream().filter((a) -> a.sdkAppId() == sdkAppId).findFirst().map(AppView::of);
	}

	private ObjectNode counts() {
		ObjectNode root = this.json.createObjectNode();
		root.put("unknownAppCalls", this.simulator.unknownAppCalls());
		ObjectNode apps = root.putObject("apps");
		for (AppSpec spec : this.simulator.apps()) {
			this.simulator.withApp(spec.sdkAppId(), (app) -> {
				ObjectNode appNode = apps.putObject(Long.toString(spec.sdkAppId()));
				ObjectNode commands = appNode.putObject("commands");
				app.counts.forEach((command, counts) -> {
					ObjectNode node = commands.putObject(command);
					node.put("calls", counts.calls);
					ObjectNode codes = node.putObject("errorCodes");
					counts.errorCodes.forEach((code, n) -> codes.put(Integer.toString(code), n));
					node.put("badGateway", counts.badGateway);
					node.put("responsesLost", counts.responsesLost);
					node.put("delayed", counts.delayed);
				});
				ObjectNode accounts = appNode.putObject("accounts");
				app.accounts.forEach((id, account) -> accounts.putObject(id)
					.put("broadcasts", account.broadcasts)
					.put("duplicatesDropped", account.duplicatesDropped)
					.put("rejectedByFrequency", account.rejectedByFrequency)
					.put("recalled", account.recalled)
					.put("storedMessages", account.history.size()));
				return appNode;
			});
		}
		return root;
	}

	private SimulatorResponse answer(int status, Object value) {
		return SimulatorResponse.admin(status, this.json.writeValueAsString(value));
	}

	private SimulatorResponse error(int status, String message) {
		return answer(status, Map.of("error", String.valueOf(message)));
	}

	private SimulatorResponse notAllowed() {
		return error(405, "method not allowed");
	}

	/**
	 * An app's answer to a dropped duplicate.
	 *
	 * @param duplicateAnswer the answer; {@code null} means
	 * {@link DuplicateAnswer#OK_ORIGINAL}
	 * @param duplicateErrorCode the ErrorCode answered with {@link DuplicateAnswer#ERROR}
	 */
	record DuplicateSettings(@Nullable DuplicateAnswer duplicateAnswer, int duplicateErrorCode) {

		static DuplicateSettings of(AppSpec spec) {
			return new DuplicateSettings(spec.duplicateAnswer(), spec.duplicateErrorCode());
		}

	}

	/** An app as the admin API shows it: everything but the secret key. */
	record AppView(long sdkAppId, String adminIdentifier, int rateLimitPerSecond, DuplicateAnswer duplicateAnswer,
			int duplicateErrorCode, List<AccountSpec> accounts) {

		static AppView of(AppSpec spec) {
			return new AppView(spec.sdkAppId(), spec.adminIdentifier(), spec.rateLimitPerSecond(),
					spec.duplicateAnswer(), spec.duplicateErrorCode(), spec.accounts());
		}

	}

}
