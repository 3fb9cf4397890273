package dev.herald.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.jspecify.annotations.Nullable;

/**
 * The decisions a test-data generator makes, taken from a seeded random generator in
 * property tests (a seed replays them) or from the fuzzer's bytes in fuzz tests (coverage
 * steers them). A generator written against this serves both.
 */
public interface Choices {

	/** A number from {@code min} to {@code max}, both included. */
	int between(int min, int max);

	/**
	 * A number from {@code min} to {@code max}, both included; {@code max} below
	 * {@link Long#MAX_VALUE}.
	 */
	long between(long min, long max);

	/** A finite number from {@code min} to {@code max}. */
	double between(double min, double max);

	/** Any int, extremes included. */
	int anyInt();

	/** Any long, extremes included. */
	long anyLong();

	/** Any double, NaN, infinities and negative zero included. */
	double anyDouble();

	/** Any UTF-16 unit, lone surrogates and control characters included. */
	char anyChar();

	/** {@code true} with the given probability, from 0 to 1. */
	boolean chance(double probability);

	default <T> T oneOf(List<T> options) {
		return options.get(between(0, options.size() - 1));
	}

	/** {@code null} with the given probability, otherwise a value. */
	default <T> @Nullable T orNull(double nullProbability, Supplier<T> value) {
		return chance(nullProbability) ? null : value.get();
	}

	/** A list of {@code min} to {@code max} values. */
	default <T> List<T> listOf(int min, int max, Supplier<T> element) {
		int size = between(min, max);
		List<T> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(element.get());
		}
		return list;
	}

	/** Text of {@code min} to {@code max} code points, each one of the alphabet's. */
	default String string(int min, int max, String alphabet) {
		int[] codePoints = alphabet.codePoints().toArray();
		int length = between(min, max);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(codePoints[between(0, codePoints.length - 1)]);
		}
		return text.toString();
	}

	/**
	 * Choices drawn from a random generator with this seed: the same seed, the same
	 * choices.
	 */
	static Choices seeded(long seed) {
		return new Seeded(new SplittableRandom(seed));
	}

	/** Choices read from the fuzzer's input. */
	static Choices fuzzed(FuzzedDataProvider data) {
		return new Fuzzed(data);
	}

	/** Draws from a seeded {@link SplittableRandom}. */
	final class Seeded implements Choices {

		private static final double[] SPECIAL = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
				Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE };

		private final SplittableRandom random;

		private Seeded(SplittableRandom random) {
			this.random = random;
		}

		@Override
		public int between(int min, int max) {
			return (int) this.random.nextLong(min, (long) max + 1);
		}

		@Override
		public long between(long min, long max) {
			return this.random.nextLong(min, max + 1);
		}

		@Override
		public double between(double min, double max) {
			return (min == max) ? min : this.random.nextDouble(min, max);
		}

		@Override
		public int anyInt() {
			return this.random.nextInt();
		}

		@Override
		public long anyLong() {
			return this.random.nextLong();
		}

		@Override
		public double anyDouble() {
			// Uniform bits would almost never give a special value or a small number.
			return switch (this.random.nextInt(3)) {
				case 0 -> SPECIAL[this.random.nextInt(SPECIAL.length)];
				case 1 -> this.random.nextDouble(-200, 200);
				default -> Double.longBitsToDouble(this.random.nextLong());
			};
		}

		@Override
		public char anyChar() {
			return (char) this.random.nextInt(Character.MAX_VALUE + 1);
		}

		@Override
		public boolean chance(double probability) {
			return this.random.nextDouble() < probability;
		}

	}

	/**
	 * Reads from Jazzer's {@link FuzzedDataProvider}; once the input is used up, every
	 * number is its minimum, so lists end and generation stops.
	 */
	final class Fuzzed implements Choices {

		private final FuzzedDataProvider data;

		private Fuzzed(FuzzedDataProvider data) {
			this.data = data;
		}

		@Override
		public int between(int min, int max) {
			return this.data.consumeInt(min, max);
		}

		@Override
		public long between(long min, long max) {
			return this.data.consumeLong(min, max);
		}

		@Override
		public double between(double min, double max) {
			return this.data.consumeRegularDouble(min, max);
		}

		@Override
		public int anyInt() {
			return this.data.consumeInt();
		}

		@Override
		public long anyLong() {
			return this.data.consumeLong();
		}

		@Override
		public double anyDouble() {
			return this.data.consumeDouble();
		}

		@Override
		public char anyChar() {
			return this.data.consumeChar();
		}

		@Override
		public boolean chance(double probability) {
			// One byte per decision keeps inputs short for the fuzzer to mutate.
			return this.data.consumeInt(0, 255) < probability * 256;
		}

	}

}
