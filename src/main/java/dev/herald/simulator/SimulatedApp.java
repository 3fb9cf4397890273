package dev.herald.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The state of one simulated Chat app. Every field is guarded by {@code this}: the
 * simulator handles one call of an app at a time, which is far faster than 200/s and
 * keeps the windows and counters exact.
 */
final class SimulatedApp {

	static final long RATE_WINDOW_MILLIS = 1_000;

	AppSpec spec;

	final Map<String, SimulatedAccount> accounts = new LinkedHashMap<>();

	// Admitted call times per command inside the sliding one-second window.
	private final Map<String, Deque<Long>> rateWindows = new LinkedHashMap<>();

	FaultSettings faults = FaultSettings.NONE;

	Random faultRandom = new Random();

	final List<ScriptedFault> scriptedFaults = new ArrayList<>();

	final Map<String, CommandCounts> counts = new TreeMap<>();

	HistoryShape historyShape = HistoryShape.FULL;

	private Random placeholderRandom = new Random(0);

	SimulatedApp(AppSpec spec) {
		this.spec = spec;
	}

	/**
	 * Sliding window: a call is admitted when fewer than the limit were admitted in the
	 * last 1000 ms. Stricter than a fixed per-second window, so a client that passes here
	 * passes there too. Rejected calls do not use up the window.
	 */
	boolean admit(String command, long nowMillis) {
		Deque<Long> window = this.rateWindows.computeIfAbsent(command, (c) -> new ArrayDeque<>());
		while (!window.isEmpty() && nowMillis - window.peekFirst() >= RATE_WINDOW_MILLIS) {
			window.removeFirst();
		}
		if (window.size() >= this.spec.rateLimitPerSecond()) {
			return false;
		}
		window.addLast(nowMillis);
		return true;
	}

	void setFaults(FaultSettings faults) {
		this.faults = faults;
		this.faultRandom = (faults.seed() != null) ? new Random(faults.seed()) : new Random();
	}

	void setHistoryShape(HistoryShape shape) {
		this.historyShape = shape;
		this.placeholderRandom = new Random(shape.seed());
	}

	/**
	 * Whether a message stored now shows as a place-holder in the history: one seeded
	 * draw per stored message while the shape has place-holders.
	 */
	boolean drawPlaceholder() {
		double probability = this.historyShape.placeholderProbability();
		return probability > 0 && this.placeholderRandom.nextDouble() < probability;
	}

	/**
	 * The fault this call meets, if any: a scripted one first, else one drawn from the
	 * app's fault settings.
	 */
	@Nullable Fault nextFault(String command, @Nullable String officialAccount) {
		ScriptedFault scripted = takeScriptedFault(command, officialAccount);
		if (scripted != null) {
			return new Fault(scripted.kind(), scripted.errorCode(), scripted.delayMillis());
		}
		FaultSettings faults = this.faults;
		if (faults == FaultSettings.NONE || !faults.appliesTo(command)) {
			return null;
		}
		// One draw per call, so a seed reproduces the same faults for the same calls.
		double draw = this.faultRandom.nextDouble();
		double edge = faults.errorProbability();
		if (draw < edge) {
			int code = faults.errorCodes().get(this.faultRandom.nextInt(faults.errorCodes().size()));
			return new Fault(FaultKind.ERROR, code, 0);
		}
		edge += faults.badGatewayProbability();
		if (draw < edge) {
			return new Fault(FaultKind.BAD_GATEWAY, 0, 0);
		}
		edge += faults.lostProbability();
		if (draw < edge) {
			return new Fault(FaultKind.RESPONSE_LOST, 0, faults.lostDelayMillis());
		}
		edge += faults.delayProbability();
		if (draw < edge) {
			return new Fault(FaultKind.DELAY, 0, faults.delayMillis());
		}
		return null;
	}

	/** Takes the first scripted fault that matches, or returns {@code null}. */
	private @Nullable ScriptedFault takeScriptedFault(String command, @Nullable String officialAccount) {
		for (int i = 0; i < this.scriptedFaults.size(); i++) {
			ScriptedFault fault = this.scriptedFaults.get(i);
			if (fault.matches(command, officialAccount)) {
				if (fault.count() <= 1) {
					this.scriptedFaults.remove(i);
				}
				else {
					this.scriptedFaults.set(i, fault.used());
				}
				return fault;
			}
		}
		return null;
	}

	CommandCounts counts(String command) {
		return this.counts.computeIfAbsent(command, (c) -> new CommandCounts());
	}

	void clear() {
		this.rateWindows.clear();
		this.scriptedFaults.clear();
		this.counts.clear();
		setFaults(FaultSettings.NONE);
		setHistoryShape(HistoryShape.FULL);
		this.accounts.values().forEach(SimulatedAccount::clear);
	}

	/** Calls and answers of one command. */
	static final class CommandCounts {

		long calls;

		final Map<Integer, Long> errorCodes = new TreeMap<>();

		long badGateway;

		long responsesLost;

		long delayed;

	}

}
