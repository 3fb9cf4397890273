package dev.herald.support;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One case of a property test, for a JUnit {@code @ParameterizedTest}: its
 * {@link Choices} come from a seed derived from a base seed and the case's index. The
 * base seed is fixed, so every run checks the same cases, and {@code -Dherald.seed=<n>}
 * checks others. A failure names the base seed and the case, so it can be replayed.
 *
 * @param baseSeed the seed of the whole run
 * @param index the case's position in the run, from 0
 * @param seed the seed of this case's choices
 */
public record SeededCase(long baseSeed, int index, long seed) {

	/** The system property that replaces the fixed base seed. */
	public static final String SEED_PROPERTY = "herald.seed";

	private static final long FIXED_SEED = 20261125L;

	/**
	 * The cases of one run.
	 * @param count how many
	 * @return the cases, from the fixed base seed or {@code -Dherald.seed}
	 */
	public static Stream<SeededCase> cases(int count) {
		long baseSeed = Long.getLong(SEED_PROPERTY, FIXED_SEED);
		long[] seeds = new SplittableRandom(baseSeed).longs(count).toArray();
		return IntStream.range(0, count).mapToObj((i) -> new SeededCase(baseSeed, i, seeds[i]));
	}

	/** Fresh choices for this case, the same on every call. */
	public Choices choices() {
		return Choices.seeded(this.seed);
	}

	/**
	 * Generates this case's input and checks the property on it; any failure is rethrown
	 * with the seed and the case in its message.
	 * @param property generates from the choices it is given and asserts
	 */
	public void check(Consumer<Choices> property) {
		try {
			property.accept(choices());
		}
		catch (RuntimeException | AssertionError ex) {
			throw new AssertionError("Failed on " + this + " (replay: -D" + SEED_PROPERTY + "=" + this.baseSeed + "): "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "case " + this.index + " of base seed " + this.baseSeed;
	}

}
