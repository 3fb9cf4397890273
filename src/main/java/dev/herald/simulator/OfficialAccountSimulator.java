package dev.herald.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's core: Tencent's Official Account REST API in memory. Plain Java, no
 * Spring, so the standalone server and the controller share it unchanged. Time comes from
 * the injected {@link Clock}; faults from a seedable random per app.
 * <p>
 * Order of checks for every call: SDKAppID (70020), command (60009), UserSig (70003,
 * 70014, 70013, 70009, 70001), admin identifier (60010), rate per API (60007), JSON
 * (60003), injected faults, then the command's own rules.
 */
final class OfficialAccountSimulator {

	static final String SERVICE = "official_account_open_http_svc";

	static final String SEND = "send_official_account_msg";

	static final String RECALL = "official_account_msg_recall";

	static final String AFTER_SEND_CALLBACK = "OfficialAccount.CallbackAfterSendMsg";

	static final String AFTER_RECALL_CALLBACK = "OfficialAccount.CallbackAfterMsgWithDraw";

	static final String INFO = "get_official_account_info";

	static final String GET_SIMPLE = "official_account_msg_get_simple";

	static final List<String> COMMANDS = List.of(SEND, RECALL, INFO, GET_SIMPLE);

	static final String OA_PREFIX = "@TOA#_";

	private final Clock clock;

	private final JsonMapper json;

	private final UserSigVerifier verifier;

	private final CallbackSender callbacks;

	private final ConcurrentMap<Long, SimulatedApp> apps = new ConcurrentHashMap<>();

	// Never reset, so a MsgKey stays unique for the life of the process.
	private final AtomicLong msgSeq = new AtomicLong(10_000);

	private final AtomicLong unknownAppCalls = new AtomicLong();

	OfficialAccountSimulator(Clock clock, List<AppSpec> apps) {
		this.clock = clock;
		// Admin JSON may leave out numbers that default to 0; the API bodies are read as
		// trees.
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
		this.verifier = new UserSigVerifier(this.json);
		this.callbacks = new CallbackSender(clock, this.json);
		apps.forEach(this::register);
	}

	JsonMapper json() {
		return this.json;
	}

	// ---- the REST API

	SimulatorResponse handle(String command, Map<String, String> query, byte[] body) {
		Long sdkAppId = parseLong(query.get("sdkappid"));
		SimulatedApp app = (sdkAppId != null) ? this.apps.get(sdkAppId) : null;
		if (app == null) {
			this.unknownAppCalls.incrementAndGet();
			return fail((sdkAppId == null) ? 60012 : 70020,
					(sdkAppId == null) ? "SDKAppID is missing" : "SDKAppID not found");
		}
		AppSpec spec;
		synchronized (app) {
			spec = app.spec;
		}
		String identifier = query.getOrDefault("identifier", "");
		String userSig = query.get("usersig");
		// The HMAC and inflate run outside the app lock; they need only the spec.
		int sigResult = (userSig == null) ? UserSigVerifier.UNPARSABLE : this.verifier.verify(userSig, spec.sdkAppId(),
				identifier, spec.secretKey(), this.clock.millis() / 1000);
		synchronized (app) {
			SimulatorResponse response = handleLocked(app, command, identifier, sigResult, body);
			// Unknown commands share one counter, so junk URLs cannot grow the map.
			count(app, COMMANDS.contains(command) ? command : "(unknown)", response);
			return response;
		}
	}

	private SimulatorResponse handleLocked(SimulatedApp app, String command, String identifier, int sigResult,
			byte[] bytes) {
		if (!COMMANDS.contains(command)) {
			return fail(60009, "unknown command " + command);
		}
		if (sigResult != UserSigVerifier.OK) {
			return fail(sigResult, sigErrorInfo(sigResult));
		}
		if (!identifier.equals(app.spec.adminIdentifier())) {
			return fail(60010, "identifier is not an app admin");
		}
		long nowMillis = this.clock.millis();
		if (!app.admit(command, nowMillis)) {
			return fail(60007, "REST API call frequency exceeds the limit");
		}
		JsonNode body;
		try {
			body = (bytes.length == 0) ? null : this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			body = null;
		}
		if (body == null || !body.isObject()) {
			return fail(60003, "request body is not a JSON object");
		}
		JsonNode oaNode = body.get("Official_Account");
		String officialAccount = (oaNode != null && oaNode.isString()) ? oaNode.asString() : null;
		Fault fault = app.nextFault(command, officialAccount);
		if (fault != null && fault.kind() == FaultKind.ERROR) {
			return fail(fault.errorCode(), "injected fault");
		}
		if (fault != null && fault.kind() == FaultKind.BAD_GATEWAY) {
			return SimulatorResponse.badGateway();
		}
		SimulatorResponse response = switch (command) {
			case SEND -> send(app, body, bytes.length, nowMillis);
			case RECALL -> recall(app, body);
			case INFO -> info(app, body);
			default -> getSimple(app, body);
		};
		if (fault != null && fault.kind() == FaultKind.DELAY) {
			return response.delayed(fault.delayMillis());
		}
		if (fault != null && fault.kind() == FaultKind.RESPONSE_LOST) {
			return response.lost(fault.delayMillis());
		}
		return response;
	}

	private static String sigErrorInfo(int code) {
		return switch (code) {
			case UserSigVerifier.EXPIRED -> "UserSig expired";
			case UserSigVerifier.SDKAPPID_MISMATCH -> "SDKAppID in the request does not match the UserSig";
			case UserSigVerifier.IDENTIFIER_MISMATCH -> "identifier in the request does not match the UserSig";
			case UserSigVerifier.SIGNATURE_MISMATCH -> "UserSig verification failed";
			default -> "UserSig could not be parsed";
		};
	}

	private void count(SimulatedApp app, String command, SimulatorResponse response) {
		SimulatedApp.CommandCounts counts = app.counts(command);
		counts.calls++;
		if (response.dropConnection()) {
			counts.responsesLost++;
		}
		else if (response.httpStatus() == 502) {
			counts.badGateway++;
		}
		else {
			counts.errorCodes.merge(response.errorCode(), 1L, Long::sum);
			if (response.delayMillis() > 0) {
				counts.delayed++;
			}
		}
	}

	// ---- commands

	private SimulatorResponse send(SimulatedApp app, JsonNode body, int size, long nowMillis) {
		SimulatorResponse accountError = accountError(app, body);
		if (accountError != null) {
			return accountError;
		}
		SimulatedAccount account = app.accounts.get(body.get("Official_Account").asString());
		String invalid = MessageRules.checkSend(body);
		if (invalid != null) {
			return fail(10004, invalid);
		}
		if (size > MessageRules.MAX_MESSAGE_BYTES) {
			return fail(80002, "message is longer than 12 KB");
		}
		long random = body.get("Random").asLong();
		StoredMessage original = account.findDuplicate(random, body, nowMillis);
		if (original != null) {
			account.duplicatesDropped++;
			return switch (app.spec.duplicateAnswer()) {
				case OK_ORIGINAL -> sent(original);
				case OK_WITHOUT_KEY -> ok(this.json.createObjectNode());
				case ERROR -> fail(app.spec.duplicateErrorCode(), "duplicate message dropped");
				case OK_NEW_KEY -> sent(nowMillis / 1000, newMsgKey(nowMillis / 1000));
			};
		}
		String tooFrequent = account.frequencyViolation(nowMillis);
		if (tooFrequent != null) {
			account.rejectedByFrequency++;
			return fail(10023, tooFrequent);
		}
		long msgTime = nowMillis / 1000;
		String msgKey = newMsgKey(msgTime);
		StoredMessage message = new StoredMessage(msgKey, msgTime, nowMillis, random, body, app.drawPlaceholder());
		account.accept(message);
		Map<String, Object> callback = new LinkedHashMap<>();
		callback.put("Official_Account", account.spec.officialAccount());
		callback.put("MsgKey", msgKey);
		callback.put("MsgTime", msgTime);
		callback.put("OnlineOnlyFlag", body.path("OnlineOnlyFlag").asInt(0));
		callback.put("MsgBody", body.path("MsgBody"));
		callback.put("CloudCustomData", body.path("CloudCustomData").asString(""));
		callback.put("EventTime", nowMillis);
		this.callbacks.send(app.spec, AFTER_SEND_CALLBACK, callback);
		return sent(message);
	}

	private String newMsgKey(long msgTime) {
		return this.msgSeq.incrementAndGet() + "_1_" + msgTime;
	}

	private SimulatorResponse sent(StoredMessage message) {
		return sent(message.msgTime, message.msgKey);
	}

	private SimulatorResponse sent(long msgTime, String msgKey) {
		ObjectNode fields = this.json.createObjectNode();
		fields.put("MsgTime", msgTime);
		fields.put("MsgKey", msgKey);
		return ok(fields);
	}

	private SimulatorResponse recall(SimulatedApp app, JsonNode body) {
		SimulatorResponse accountError = accountError(app, body);
		if (accountError != null) {
			return accountError;
		}
		SimulatedAccount account = app.accounts.get(body.get("Official_Account").asString());
		String invalid = MessageRules.checkRecall(body);
		if (invalid != null) {
			return fail(10004, invalid);
		}
		ArrayNode results = this.json.createArrayNode();
		List<Map<String, String>> withdrawn = new ArrayList<>();
		for (JsonNode key : body.get("MsgKeyList")) {
			StoredMessage message = account.find(key.asString());
			// An unknown key and an already recalled one look the same: Tencent has no
			// documented code of its own for the second.
			int retCode = (message == null || message.recalled) ? 10030 : 0;
			if (retCode == 0) {
				message.recalled = true;
				account.recalled++;
				withdrawn.add(Map.of("MsgKey", key.asString()));
			}
			results.addObject().put("MsgKey", key.asString()).put("RetCode", retCode);
		}
		if (!withdrawn.isEmpty()) {
			this.callbacks.send(app.spec, AFTER_RECALL_CALLBACK, Map.of("Official_Account",
					account.spec.officialAccount(), "WithdrawMsgList", withdrawn, "EventTime", this.clock.millis()));
		}
		ObjectNode fields = this.json.createObjectNode();
		fields.set("RecallRetList", results);
		return ok(fields);
	}

	private SimulatorResponse info(SimulatedApp app, JsonNode body) {
		String invalid = MessageRules.checkInfo(body);
		if (invalid != null) {
			return fail(10004, invalid);
		}
		ArrayNode infos = this.json.createArrayNode();
		for (JsonNode item : body.get("OfficialAccountIdList")) {
			String id = item.get("Official_Account").asString();
			SimulatedAccount account = app.accounts.get(id);
			ObjectNode info = infos.addObject().put("Official_Account", id);
			if (account == null) {
				info.put("ResultCode", id.startsWith(OA_PREFIX) ? 10010 : 10015);
				info.put("ResultInfo", "official account not found");
				continue;
			}
			info.put("ResultCode", 0).put("ResultInfo", "");
			info.put("OfficialAccountUserID", id);
			info.put("Name", Optional.ofNullable(account.spec.name()).orElse(""));
			info.put("Owner_Account", app.spec.adminIdentifier());
			info.put("CreateTime", account.createTime);
			info.put("LastMsgTime", account.lastMsgTime());
			info.put("SubscriberNum", account.spec.subscriberNum());
			info.put("Introduction", "").put("FaceUrl", "").put("Organization", "").put("CustomString", "");
		}
		ObjectNode fields = this.json.createObjectNode();
		fields.set("OfficialAccountInfoList", infos);
		return ok(fields);
	}

	private SimulatorResponse getSimple(SimulatedApp app, JsonNode body) {
		SimulatorResponse accountError = accountError(app, body);
		if (accountError != null) {
			return accountError;
		}
		SimulatedAccount account = app.accounts.get(body.get("Official_Account").asString());
		String invalid = MessageRules.checkGetSimple(body);
		if (invalid != null) {
			return fail(10004, invalid);
		}
		String lastKey = Optional.ofNullable(body.get("LastMsgKey")).map(JsonNode::asString).orElse("");
		int wanted = (int) Math.min(MessageRules.MAX_SIMPLE_MESSAGES,
				Optional.ofNullable(body.get("ReqMsgNumber")).map(JsonNode::asLong).orElse(20L));
		boolean withRecalled = Optional.ofNullable(body.get("WithRecalledMsg")).map(JsonNode::asInt).orElse(0) == 1;
		ObjectNode page = new HistoryReader(app.historyShape, this.json).page(account.history, withRecalled, lastKey,
				wanted, this.clock.millis());
		return (page != null) ? ok(page) : fail(10004, "LastMsgKey not found");
	}

	/**
	 * The error for a body whose OA is missing (10004), invalid (10015) or unknown
	 * (10010).
	 */
	private @Nullable SimulatorResponse accountError(SimulatedApp app, JsonNode body) {
		JsonNode id = body.get("Official_Account");
		if (id == null || !id.isString() || id.asString().isEmpty()) {
			return fail(10004, "Official_Account is required");
		}
		if (!id.asString().startsWith(OA_PREFIX)) {
			return fail(10015, "invalid official account ID");
		}
		if (!app.accounts.containsKey(id.asString())) {
			return fail(10010, "official account does not exist");
		}
		return null;
	}

	private SimulatorResponse ok(ObjectNode fields) {
		ObjectNode node = this.json.createObjectNode();
		node.put("ActionStatus", "OK").put("ErrorCode", 0).put("ErrorInfo", "");
		node.setAll(fields);
		return SimulatorResponse.json(0, this.json.writeValueAsString(node));
	}

	private SimulatorResponse fail(int code, String info) {
		ObjectNode node = this.json.createObjectNode();
		node.put("ActionStatus", "FAIL").put("ErrorCode", code).put("ErrorInfo", info);
		return SimulatorResponse.json(code, this.json.writeValueAsString(node));
	}

	private static @Nullable Long parseLong(@Nullable String value) {
		try {
			return (value != null) ? Long.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// ---- administration

	/** Registers an app, or updates its settings while keeping its state. */
	void register(AppSpec spec) {
		SimulatedApp app = this.apps.computeIfAbsent(spec.sdkAppId(), (id) -> new SimulatedApp(spec));
		synchronized (app) {
			app.spec = spec.withAccounts(List.of());
			spec.accounts().forEach((account) -> addAccountLocked(app, account));
		}
	}

	/** Changes an app's answer to dropped duplicates; returns its new settings. */
	AppSpec answerDuplicates(long sdkAppId, @Nullable DuplicateAnswer answer, int errorCode) {
		return withApp(sdkAppId, (app) -> {
			app.spec = app.spec.withDuplicateAnswer(answer, errorCode);
			return app.spec;
		}).orElseThrow(() -> new IllegalArgumentException("unknown app " + sdkAppId));
	}

	void shapeHistory(long sdkAppId, HistoryShape shape) {
		withApp(sdkAppId, (app) -> {
			app.setHistoryShape(shape);
			return shape;
		}).orElseThrow(() -> new IllegalArgumentException("unknown app " + sdkAppId));
	}

	boolean removeApp(long sdkAppId) {
		return this.apps.remove(sdkAppId) != null;
	}

	List<AppSpec> apps() {
		List<AppSpec> specs = new ArrayList<>();
		for (SimulatedApp app : this.apps.values()) {
			synchronized (app) {
				specs.add(app.spec.withAccounts(app.accounts.values().stream().map((a) -> a.spec).toList()));
			}
		}
		specs.sort((a, b) -> Long.compare(a.sdkAppId(), b.sdkAppId()));
		return specs;
	}

	<T> Optional<T> withApp(long sdkAppId, Function<SimulatedApp, T> action) {
		SimulatedApp app = this.apps.get(sdkAppId);
		if (app == null) {
			return Optional.empty();
		}
		synchronized (app) {
			return Optional.ofNullable(action.apply(app));
		}
	}

	Optional<AccountSpec> addAccount(long sdkAppId, AccountSpec account) {
		return withApp(sdkAppId, (app) -> {
			addAccountLocked(app, account);
			return account;
		});
	}

	private void addAccountLocked(SimulatedApp app, AccountSpec account) {
		SimulatedAccount existing = app.accounts.get(account.officialAccount());
		if (existing != null) {
			existing.spec = account;
		}
		else {
			app.accounts.put(account.officialAccount(), new SimulatedAccount(account, this.clock.millis() / 1000));
		}
	}

	/** Stores a message outside every rule and counter; returns its MsgKey. */
	String store(long sdkAppId, String officialAccount, long random, String cloudCustomData) {
		return withApp(sdkAppId, (app) -> {
			SimulatedAccount account = app.accounts.get(officialAccount);
			if (account == null) {
				throw new IllegalArgumentException("unknown official account " + officialAccount);
			}
			long nowMillis = this.clock.millis();
			ObjectNode body = this.json.createObjectNode();
			body.put("Official_Account", officialAccount).put("Random", random);
			body.putArray("MsgBody")
				.addObject()
				.put("MsgType", "TIMTextElem")
				.putObject("MsgContent")
				.put("Text", "stored");
			body.put("CloudCustomData", cloudCustomData);
			String msgKey = newMsgKey(nowMillis / 1000);
			account.history
				.add(new StoredMessage(msgKey, nowMillis / 1000, nowMillis, random, body, app.drawPlaceholder()));
			return msgKey;
		}).orElseThrow(() -> new IllegalArgumentException("unknown app " + sdkAppId));
	}

	CallbackSender callbacks() {
		return this.callbacks;
	}

	long unknownAppCalls() {
		return this.unknownAppCalls.get();
	}

	/**
	 * Forgets history, windows, counters, faults and history shapes; keeps apps, accounts
	 * and their duplicate answers.
	 */
	void reset() {
		this.unknownAppCalls.set(0);
		this.callbacks.reset();
		for (SimulatedApp app : this.apps.values()) {
			synchronized (app) {
				app.clear();
			}
		}
	}

}
