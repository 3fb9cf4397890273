package dev.herald.simulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Random faults of one app. One random draw per call picks at most one fault, so the same
 * seed and the same sequence of calls give the same faults.
 *
 * @param seed the seed of the fault random; {@code null} for an unseeded one
 * @param errorProbability chance of answering one of {@code errorCodes}
 * @param errorCodes the codes to pick from (uniformly)
 * @param badGatewayProbability chance of HTTP 502
 * @param delayProbability chance of a slow (but otherwise normal) answer
 * @param delayMillis how slow
 * @param lostProbability chance of "accepted but response lost"
 * @param lostDelayMillis how long to wait before dropping the response
 * @param commands the commands the faults apply to; empty means all
 */
record FaultSettings(@Nullable Long seed, double errorProbability, @Nullable List<Integer> errorCodes,
		double badGatewayProbability, double delayProbability, long delayMillis, double lostProbability,
		long lostDelayMillis, @Nullable List<String> commands) {

	static final FaultSettings NONE = new FaultSettings(null, 0, null, 0, 0, 0, 0, 0, null);

	FaultSettings {
		errorCodes = (errorCodes != null) ? List.copyOf(errorCodes) : List.of();
		commands = (commands != null) ? List.copyOf(commands) : List.of();
		for (double p : new double[] { errorProbability, badGatewayProbability, delayProbability, lostProbability }) {
			if (p < 0 || p > 1) {
				throw new IllegalArgumentException("probabilities must be between 0 and 1");
			}
		}
		if (errorProbability + badGatewayProbability + delayProbability + lostProbability > 1.0000001) {
			throw new IllegalArgumentException("probabilities must not add up to more than 1");
		}
		if (errorProbability > 0 && errorCodes.isEmpty()) {
			throw new IllegalArgumentException("errorCodes are required when errorProbability > 0");
		}
		if (delayMillis < 0 || lostDelayMillis < 0) {
			throw new IllegalArgumentException("delays must not be negative");
		}
	}

	boolean appliesTo(String command) {
		return this.commands.isEmpty() || this.commands.contains(command);
	}

}
