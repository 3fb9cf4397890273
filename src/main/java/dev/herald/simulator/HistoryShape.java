package dev.herald.simulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the simulator's history ({@code official_account_msg_get_simple}) of one app looks,
 * so Herald's reconciliation can be tested against each shape Tencent's could have.
 * {@link #FULL} is a complete, plain history; the withers add one trait each:
 * {@code HistoryShape.FULL.withoutCloudCustomData().pagesOf(3).cutAfter(2)}.
 *
 * @param cloudCustomData whether items carry {@code CloudCustomData}; {@code null} means
 * {@link CloudCustomDataInHistory#RETURNED}
 * @param pageLimit at most this many items per page whatever {@code ReqMsgNumber} asks,
 * with {@code IsFinished} 0 and a correct {@code LastMsgKey}; 0 for Tencent's own 20
 * @param cutAfter the history stops, unannounced, after the newest this many messages
 * that would be returned: the page that reaches the cut answers {@code IsFinished} 0 with
 * an empty {@code LastMsgKey}, and nothing older can be read; 0 for no cut
 * @param expiresAfterSeconds messages older than this are not returned, and the page that
 * reaches them answers {@code IsFinished} 2 (older messages expired); 0 for never
 * @param placeholderProbability the chance that a message is shown as a place-holder
 * ({@code IsPlaceMsg} 1, MsgKey and MsgTime only), drawn once when it is stored; it shows
 * as one for as long as the app's shape has place-holders
 * @param seed the seed of those draws, so the same sends give the same place-holders
 */
public record HistoryShape(@Nullable CloudCustomDataInHistory cloudCustomData, int pageLimit, int cutAfter,
		long expiresAfterSeconds, double placeholderProbability, long seed) {

	/** Every message, whole, in pages of what was asked for: the default. */
	public static final HistoryShape FULL = new HistoryShape(CloudCustomDataInHistory.RETURNED, 0, 0, 0, 0, 0);

	public HistoryShape {
		cloudCustomData = (cloudCustomData != null) ? cloudCustomData : CloudCustomDataInHistory.RETURNED;
		if (pageLimit < 0 || cutAfter < 0 || expiresAfterSeconds < 0) {
			throw new IllegalArgumentException("pageLimit, cutAfter and expiresAfterSeconds must not be negative");
		}
		if (placeholderProbability < 0 || placeholderProbability > 1) {
			throw new IllegalArgumentException("placeholderProbability must be between 0 and 1");
		}
	}

	/** Items without a {@code CloudCustomData} key. */
	public HistoryShape withoutCloudCustomData() {
		return withCloudCustomData(CloudCustomDataInHistory.OMITTED);
	}

	/** Items whose {@code CloudCustomData} is always {@code ""}. */
	public HistoryShape withEmptyCloudCustomData() {
		return withCloudCustomData(CloudCustomDataInHistory.EMPTY);
	}

	public HistoryShape withCloudCustomData(CloudCustomDataInHistory cloudCustomData) {
		return new HistoryShape(cloudCustomData, this.pageLimit, this.cutAfter, this.expiresAfterSeconds,
				this.placeholderProbability, this.seed);
	}

	/** Pages of at most {@code items} (at least 1), whatever is asked for. */
	public HistoryShape pagesOf(int items) {
		requirePositive(items, "a page");
		return new HistoryShape(this.cloudCustomData, items, this.cutAfter, this.expiresAfterSeconds,
				this.placeholderProbability, this.seed);
	}

	/** A history that silently ends after its newest {@code messages} (at least 1). */
	public HistoryShape cutAfter(int messages) {
		requirePositive(messages, "a cut");
		return new HistoryShape(this.cloudCustomData, this.pageLimit, messages, this.expiresAfterSeconds,
				this.placeholderProbability, this.seed);
	}

	/** Messages older than {@code age} (at least a second) have expired. */
	public HistoryShape expiringAfter(Duration age) {
		requirePositive(age.toSeconds(), "an expiry");
		return new HistoryShape(this.cloudCustomData, this.pageLimit, this.cutAfter, age.toSeconds(),
				this.placeholderProbability, this.seed);
	}

	/** Each message stored from now on is a place-holder with this seeded chance. */
	public HistoryShape placeholders(double probability, long seed) {
		return new HistoryShape(this.cloudCustomData, this.pageLimit, this.cutAfter, this.expiresAfterSeconds,
				probability, seed);
	}

	private static void requirePositive(long value, String what) {
		if (value < 1) {
			throw new IllegalArgumentException(what + " needs at least 1");
		}
	}

}
