package dev.herald.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.herald.chatapp.CallbackJournal;
import dev.herald.chatapp.CallbackTrust;
import dev.herald.chatapp.ChatApps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a callback is Tencent's and, only then, lets it change something. A
 * refused callback changes nothing but the app's "last refused" line and a counter.
 */
@Service
class CallbackReceiver {

	private static final Logger log = LoggerFactory.getLogger(CallbackReceiver.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatApps chatApps;

	private final CallbackJournal journal;

	private final ReplayGuard replays;

	private final CallbackCommands commands;

	private final CallbackProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	CallbackReceiver(ChatApps chatApps, CallbackJournal journal, ReplayGuard replays, CallbackCommands commands,
			CallbackProperties properties, MeterRegistry meters, Clock clock) {
		this.chatApps = chatApps;
		this.journal = journal;
		this.replays = replays;
		this.commands = commands;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Verifies and handles one callback.
	 * @param query the URL's parameters: {@code SdkAppid}, {@code CallbackCommand},
	 * {@code Sign}, {@code RequestTime}, ...
	 * @param body the body, already within the size cap
	 * @return the refusal, or empty when the callback was accepted
	 */
	@Transactional
	Optional<Refusal> receive(Map<String, String> query, byte[] body) {
		Instant now = this.clock.instant();
		String command = query.getOrDefault("CallbackCommand", "");
		Optional<CallbackTrust> found = app(query);
		if (found.isEmpty()) {
			return refuse(null, Refusal.UNKNOWN_APP, command, now);
		}
		CallbackTrust app = found.get();
		String sign = query.get("Sign");
		String requestTime = query.get("RequestTime");
		Refusal refusal = checkSignature(app, sign, requestTime, now);
		if (refusal != null) {
			return refuse(app, refusal, command, now);
		}
		JsonNode tree = parse(body);
		if (tree == null) {
			return refuse(app, Refusal.MALFORMED, command, now);
		}
		if (command.isEmpty()) {
			command = tree.path("CallbackCommand").asString("");
		}
		if (sign != null && !this.replays.firstSeen(app.sdkAppId(), sign, body, now)) {
			return refuse(app, Refusal.REPLAYED, command, now);
		}
		this.commands.handle(app, command, tree, now);
		this.journal.accepted(app.chatAppId(), command, now);
		count("accepted", "", command);
		return Optional.empty();
	}

	/** A callback refused before its body was read: it was larger than the cap. */
	@Transactional
	Optional<Refusal> tooLarge(Map<String, String> query) {
		return refuse(app(query).orElse(null), Refusal.TOO_LARGE, query.getOrDefault("CallbackCommand", ""),
				this.clock.instant());
	}

	private @Nullable Refusal checkSignature(CallbackTrust app, @Nullable String sign, @Nullable String requestTime,
			Instant now) {
		if (app.token() == null) {
			return app.allowUnsigned() ? null : Refusal.NOT_CONFIGURED;
		}
		if (sign == null || sign.isEmpty() || requestTime == null || requestTime.isEmpty()) {
			return Refusal.UNSIGNED;
		}
		if (!CallbackSignature.matches(app.token(), requestTime, sign)) {
			return Refusal.BAD_SIGNATURE;
		}
		long seconds;
		try {
			seconds = Long.parseLong(requestTime);
		}
		catch (NumberFormatException ex) {
			return Refusal.STALE;
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
		return (skew.compareTo(this.properties.maxClockSkew()) > 0) ? Refusal.STALE : null;
	}

	private Optional<CallbackTrust> app(Map<String, String> query) {
		try {
			String id = query.get("SdkAppid");
			return (id != null) ? this.chatApps.callbackTrust(Long.parseLong(id)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private Optional<Refusal> refuse(@Nullable CallbackTrust app, Refusal refusal, String command, Instant now) {
		if (app != null) {
			this.journal.refused(app.chatAppId(), refusal.key(), command, now);
		}
		count("refused", refusal.key(), command);
		// Debug only: anyone on the internet can make these, and a log must not be theirs
		// to fill.
		log.debug("Refused a callback for app {}: {}", (app != null) ? app.sdkAppId() : "unknown", refusal.key());
		return Optional.of(refusal);
	}

	private void count(String outcome, String reason, String command) {
		// The command is the caller's text until verified: unknown ones share one tag
		// value.
		String commandTag = CallbackCommands.KNOWN.contains(command) ? command : "other";
		Counter.builder("herald.callbacks")
			.description("Callbacks from Tencent by outcome")
			.tags("outcome", outcome, "reason", reason, "command", commandTag)
			.register(this.meters)
			.increment();
	}

	private static @Nullable JsonNode parse(byte[] body) {
		try {
			JsonNode tree = (body.length > 0) ? JSON.readTree(body) : null;
			return (tree != null && tree.isObject()) ? tree : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
