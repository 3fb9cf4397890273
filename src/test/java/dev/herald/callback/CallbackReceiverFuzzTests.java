package dev.herald.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.chatapp.CallbackJournal;
import dev.herald.chatapp.CallbackTrust;
import dev.herald.chatapp.ChatApps;
import dev.herald.delivery.Deliveries;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Coverage-guided fuzzing of what Herald does with a callback from the internet, without
 * Spring or a database: the receiver answers a refusal or hands the command on, never
 * throws, changes nothing when it refuses, and refuses exactly what it should.
 * <p>
 * An input's first four bytes choose the request around the body: the app, the command in
 * the query, the request time's distance from now, and the signature (bit 7: send it
 * twice). The rest is the body.
 */
class CallbackReceiverFuzzTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final Duration MAX_SKEW = Duration.ofSeconds(60);

	private static final String TOKEN = "fuzz-callback-token";

	private static final CallbackTrust SIGNED = new CallbackTrust(11, 1_400_000_011L, TOKEN, false);

	private static final CallbackTrust OPEN = new CallbackTrust(12, 1_400_000_012L, null, true);

	private static final CallbackTrust CLOSED = new CallbackTrust(13, 1_400_000_013L, null, false);

	/**
	 * What {@code SdkAppid} says: the three apps, one Herald does not know, junk,
	 * nothing.
	 */
	private static final List<String> APP_IDS = List.of("1400000011", "1400000012", "1400000013", "1400000099", "14e8",
			"");

	private static final List<String> COMMANDS = List.of(CallbackCommands.AFTER_SEND, CallbackCommands.AFTER_RECALL,
			CallbackCommands.DESTROYED, CallbackCommands.SUBSCRIBERS_ADDED, CallbackCommands.SUBSCRIBERS_DELETED,
			CallbackCommands.RATE_ALERT, "C2C.CallbackAfterSendMsg", "");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatApps chatApps = mock(ChatApps.class);

	private final CallbackJournal journal = mock(CallbackJournal.class);

	private final Deliveries deliveries = mock(Deliveries.class);

	private final OfficialAccounts accounts = mock(OfficialAccounts.class);

	private final Set<String> remembered = new HashSet<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CallbackReceiver receiver;

	CallbackReceiverFuzzTests() {
		for (CallbackTrust app : List.of(SIGNED, OPEN, CLOSED)) {
			when(this.chatApps.callbackTrust(app.sdkAppId())).thenReturn(Optional.of(app));
		}
		CallbackProperties properties = new CallbackProperties(MAX_SKEW, DataSize.ofKilobytes(64));
		// The replay memory lives in PostgreSQL (SignedCallbackTests); here, in a set.
		ReplayGuard replays = new ReplayGuard(null, properties) {
			@Override
			boolean firstSeen(long sdkAppId, String sign, byte[] body, Instant now) {
				return CallbackReceiverFuzzTests.this.remembered.add(sdkAppId + " " + sign.toLowerCase(Locale.ROOT)
						+ " " + Arrays.toString(CallbackSignature.sha256(body)));
			}
		};
		this.receiver = new CallbackReceiver(this.chatApps, this.journal, replays,
				new CallbackCommands(this.deliveries, this.accounts, this.journal), properties, this.meters,
				new MutableClock(NOW));
	}

	@FuzzTest(maxDuration = "20s", maxExecutions = 10_000)
	@DictionaryEntries({ "{\"", "\":", "\"MsgKey\"", "\"Official_Account\"", "\"CloudCustomData\"", "\"MsgTime\"",
			"\"WithdrawMsgList\"", "\"SubscribeAccountList\"", "\"CallbackCommand\"",
			"OfficialAccount.CallbackAfterSendMsg" })
	void answersARefusalOrHandsTheCommandOn(FuzzedDataProvider data) {
		clearInvocations(this.journal, this.deliveries, this.accounts);
		this.remembered.clear();
		byte[] shape = Arrays.copyOf(data.consumeBytes(4), 4);
		byte[] body = data.consumeRemainingAsBytes();
		String appId = APP_IDS.get(Byte.toUnsignedInt(shape[0]) % APP_IDS.size());
		String command = COMMANDS.get(Byte.toUnsignedInt(shape[1]) % COMMANDS.size());
		long skew = shape[2];
		String requestTime = String.valueOf(NOW.getEpochSecond() + skew);
		int signing = (shape[3] & 0x7F) % 4;
		boolean twice = (shape[3] & 0x80) != 0;
		Map<String, String> query = query(appId, command, requestTime, signing);

		Optional<Refusal> first = this.receiver.receive(query, body);
		Optional<Refusal> second = twice ? this.receiver.receive(query, body) : first;

		Refusal expected = expectedRefusal(appId, signing, skew, body);
		assertThat(first).as("first answer").isEqualTo(Optional.ofNullable(expected));
		if (twice) {
			// A signed callback is accepted once; an unsigned one carries nothing to
			// remember.
			boolean remembered = expected == null && query.containsKey("Sign");
			assertThat(second).as("second answer")
				.isEqualTo(remembered ? Optional.of(Refusal.REPLAYED) : Optional.ofNullable(expected));
		}
		int accepted = ((first.isEmpty()) ? 1 : 0) + ((twice && second.isEmpty()) ? 1 : 0);
		verify(this.journal, times(accepted)).accepted(anyLong(), anyString(), eq(NOW));
		if (accepted == 0) {
			verifyNoInteractions(this.deliveries, this.accounts);
			verify(this.journal, never()).rateAlert(anyLong(), anyString(), anyInt(), anyInt(), eq(NOW));
		}
		// The command is the sender's text: it must not grow the metric's tag values.
		assertThat(this.meters.getMeters()).map((meter) -> meter.getId().getTag("command"))
			.allMatch((tag) -> CallbackCommands.KNOWN.contains(tag) || "other".equals(tag));
	}

	private static Map<String, String> query(String appId, String command, String requestTime, int signing) {
		Map<String, String> query = new HashMap<>();
		if (!appId.isEmpty()) {
			query.put("SdkAppid", appId);
		}
		if (!command.isEmpty()) {
			query.put("CallbackCommand", command);
		}
		switch (signing) {
			case 0 -> {
				query.put("RequestTime", requestTime);
				query.put("Sign", CallbackSignature.sign(TOKEN, requestTime));
			}
			case 1 -> {
				query.put("RequestTime", requestTime);
				query.put("Sign", CallbackSignature.sign(TOKEN, requestTime).toUpperCase(Locale.ROOT));
			}
			case 2 -> {
				query.put("RequestTime", requestTime);
				query.put("Sign", CallbackSignature.sign("another token", requestTime));
			}
			default -> {
				// Unsigned.
			}
		}
		return query;
	}

	/** The refusal due, worked out from the rules rather than the receiver's code. */
	private static Refusal expectedRefusal(String appId, int signing, long skew, byte[] body) {
		CallbackTrust app = switch (appId) {
			case "1400000011" -> SIGNED;
			case "1400000012" -> OPEN;
			case "1400000013" -> CLOSED;
			default -> null;
		};
		if (app == null) {
			return Refusal.UNKNOWN_APP;
		}
		if (app == CLOSED) {
			return Refusal.NOT_CONFIGURED;
		}
		if (app == SIGNED) {
			if (signing == 3) {
				return Refusal.UNSIGNED;
			}
			if (signing == 2) {
				return Refusal.BAD_SIGNATURE;
			}
			if (Math.abs(skew) > MAX_SKEW.toSeconds()) {
				return Refusal.STALE;
			}
		}
		return isJsonObject(body) ? null : Refusal.MALFORMED;
	}

	private static boolean isJsonObject(byte[] body) {
		try {
			JsonNode tree = JSON.readTree(body);
			return tree != null && tree.isObject();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
