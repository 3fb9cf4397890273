package dev.herald.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What Herald tells its built-in simulator about the Chat apps and official accounts that
 * point at it, so that their calls verify and their accounts exist. The simulator keeps
 * no state across restarts, so this is repeated on every start.
 */
public final class SimulatorDirectory {

	private final OfficialAccountSimulator simulator;

	SimulatorDirectory(OfficialAccountSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * Registers an app, or updates its settings and keeps its history, history shape and
	 * duplicate answer.
	 * @param sdkAppId the SDKAppID
	 * @param adminIdentifier the admin account that signs calls
	 * @param secretKey the key UserSigs are signed with
	 * @param rateLimitPerSecond calls per second per API
	 */
	public void registerApp(long sdkAppId, String adminIdentifier, String secretKey, int rateLimitPerSecond) {
		registerApp(sdkAppId, adminIdentifier, secretKey, rateLimitPerSecond, null, null);
	}

	/**
	 * Registers an app that calls back like Tencent, or updates its settings and keeps
	 * its history, history shape and duplicate answer.
	 * @param sdkAppId the SDKAppID
	 * @param adminIdentifier the admin account that signs calls
	 * @param secretKey the key UserSigs are signed with
	 * @param rateLimitPerSecond calls per second per API
	 * @param callbackUrl where after-send and after-recall callbacks go; {@code null} for
	 * none
	 * @param callbackToken the token that signs them; {@code null} sends them unsigned
	 */
	public void registerApp(long sdkAppId, String adminIdentifier, String secretKey, int rateLimitPerSecond,
			@Nullable String callbackUrl, @Nullable String callbackToken) {
		// Registering again keeps the accounts and history the simulator already has, and
		// the duplicate answer a test chose (Herald registers again whenever an app is
		// saved).
		AppSpec current = this.simulator.withApp(sdkAppId, (app) -> app.spec).orElse(null);
		this.simulator.register(new AppSpec(sdkAppId, adminIdentifier, secretKey, rateLimitPerSecond,
				(current != null) ? current.duplicateAnswer() : null,
				(current != null) ? current.duplicateErrorCode() : 0, List.of(), callbackUrl, callbackToken));
	}

	/**
	 * How an app answers a send that the 5-minute duplicate filter drops (Tencent's real
	 * answer is unconfirmed). Kept when the app is registered again and by a reset.
	 * @param sdkAppId the app
	 * @param answer the answer
	 * @param errorCode the ErrorCode answered with {@link DuplicateAnswer#ERROR}; ignored
	 * otherwise
	 */
	public void answerDuplicates(long sdkAppId, DuplicateAnswer answer, int errorCode) {
		this.simulator.answerDuplicates(sdkAppId, answer, errorCode);
	}

	/**
	 * How an app's history ({@code official_account_msg_get_simple}) looks from now on:
	 * without CloudCustomData, in short pages, cut short, expiring, or with
	 * place-holders. Kept when the app is registered again; a reset returns it to
	 * {@link HistoryShape#FULL}.
	 * @param sdkAppId the app
	 * @param shape e.g. {@code HistoryShape.FULL.withoutCloudCustomData().pagesOf(3)}
	 */
	public void shapeHistory(long sdkAppId, HistoryShape shape) {
		this.simulator.shapeHistory(sdkAppId, shape);
	}

	/**
	 * Callbacks the simulator sent for an app, and how many of them were answered OK.
	 * @param sdkAppId the app
	 * @return sent and accepted
	 */
	public CallbackCounts callbacks(long sdkAppId) {
		CallbackSender sender = this.simulator.callbacks();
		return new CallbackCounts(sender.sent(sdkAppId), sender.accepted(sdkAppId));
	}

	/**
	 * Callbacks the simulator sent for one app.
	 *
	 * @param sent callbacks sent, whatever the answer
	 * @param accepted callbacks answered with HTTP 200 and {@code ErrorCode} 0
	 */
	public record CallbackCounts(long sent, long accepted) {
	}

	/**
	 * Adds an official account to a registered app (an existing one is updated).
	 * @param sdkAppId the app
	 * @param officialAccount the {@code @TOA#_} id
	 * @param name its name
	 * @param subscribers its subscriber count
	 */
	public void registerAccount(long sdkAppId, String officialAccount, String name, long subscribers) {
		this.simulator.addAccount(sdkAppId, new AccountSpec(officialAccount, name, subscribers));
	}

	/** The send command, for {@link #calls} and {@link #answeredCodes}. */
	public static final String SEND = OfficialAccountSimulator.SEND;

	/** The recall command. */
	public static final String RECALL = OfficialAccountSimulator.RECALL;

	/** The history command used for reconciliation. */
	public static final String GET_SIMPLE = OfficialAccountSimulator.GET_SIMPLE;

	/**
	 * Broadcasts the simulator accepted per OA of an app (duplicates dropped by its
	 * 5-minute filter are not counted): the exactly-once proof.
	 * @param sdkAppId the app
	 * @return OA id to accepted broadcasts; empty for an unknown app
	 */
	public Map<String, Long> acceptedBroadcasts(long sdkAppId) {
		return this.simulator.withApp(sdkAppId, (app) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			app.accounts.forEach((id, account) -> counts.put(id, account.broadcasts));
			return counts;
		}).orElse(Map.of());
	}

	/**
	 * Messages recalled per OA of an app.
	 * @param sdkAppId the app
	 * @return OA id to recalled messages
	 */
	public Map<String, Long> recalledMessages(long sdkAppId) {
		return this.simulator.withApp(sdkAppId, (app) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			app.accounts.forEach((id, account) -> counts.put(id, account.recalled));
			return counts;
		}).orElse(Map.of());
	}

	/**
	 * How many calls of one command an app made, whatever the answer.
	 * @param sdkAppId the app
	 * @param command e.g. {@link #SEND}
	 * @return the number of calls
	 */
	public long calls(long sdkAppId, String command) {
		return this.simulator
			.withApp(sdkAppId, (app) -> app.counts.containsKey(command) ? app.counts.get(command).calls : 0L)
			.orElse(0L);
	}

	/**
	 * The ErrorCodes the simulator answered to one command of an app (0 for OK), with how
	 * often; 502s and lost responses are not in it.
	 * @param sdkAppId the app
	 * @param command e.g. {@link #SEND}
	 * @return code to count
	 */
	public Map<Integer, Long> answeredCodes(long sdkAppId, String command) {
		return this.simulator.withApp(sdkAppId, (app) -> {
			Map<Integer, Long> codes = new TreeMap<>();
			if (app.counts.containsKey(command)) {
				codes.putAll(app.counts.get(command).errorCodes);
			}
			return codes;
		}).orElse(Map.of());
	}

	/**
	 * Random faults on the sends of an app: one seeded draw per call picks at most one.
	 * @param sdkAppId the app
	 * @param seed the seed, so a run repeats
	 * @param errorProbability chance of one of {@code errorCodes}
	 * @param errorCodes the codes to answer
	 * @param badGatewayProbability chance of an HTTP 502 (nothing stored)
	 * @param delayProbability chance of a normal answer after {@code delayMillis}
	 * @param delayMillis the delay
	 * @param lostProbability chance that the message is stored but the answer lost
	 */
	public void injectSendFaults(long sdkAppId, long seed, double errorProbability, List<Integer> errorCodes,
			double badGatewayProbability, double delayProbability, long delayMillis, double lostProbability) {
		FaultSettings faults = new FaultSettings(seed, errorProbability, errorCodes, badGatewayProbability,
				delayProbability, delayMillis, lostProbability, 0, List.of(SEND));
		this.simulator.withApp(sdkAppId, (app) -> {
			app.setFaults(faults);
			return faults;
		}).orElseThrow(() -> new IllegalArgumentException("unknown app " + sdkAppId));
	}

	/**
	 * No more faults for an app (random and scripted).
	 * @param sdkAppId the app
	 */
	public void clearFaults(long sdkAppId) {
		this.simulator.withApp(sdkAppId, (app) -> {
			app.setFaults(FaultSettings.NONE);
			app.scriptedFaults.clear();
			return app;
		});
	}

	/**
	 * Puts a message into an OA's history as if it had been sent, outside every limit
	 * (for recall tests that need more messages than 2 per hour allow).
	 * @param sdkAppId the app
	 * @param officialAccount the OA
	 * @param random the message's Random
	 * @param cloudCustomData its CloudCustomData
	 * @return the MsgKey, usable for recall
	 */
	public String storeMessage(long sdkAppId, String officialAccount, long random, String cloudCustomData) {
		return this.simulator.store(sdkAppId, officialAccount, random, cloudCustomData);
	}

}
