package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The part of the campaign page that follows its runs without a reload: its status and
 * buttons, its next fires, and its runs from one run on (the older ones cannot change any
 * more). Read in two small queries, so the page may ask every few seconds.
 *
 * @param runs the runs from the followed one on, the latest due first
 * @param following whether the page should keep asking: a run is sending or a fire is due
 */
record CampaignLive(long id, String label, CampaignStatus status, boolean archived, List<Instant> nextFires,
		List<CampaignDetail.Run> runs, boolean following) implements CampaignButtons {

	/** How far ahead a due fire makes the page start following. */
	static final Duration AHEAD = Duration.ofMinutes(2);

	/**
	 * How long the page waits for a fire that is overdue (the scheduler is busy or down)
	 * before it stops asking; a reload looks again.
	 */
	static final Duration OVERDUE = Duration.ofMinutes(10);

	/**
	 * Whether a campaign page should follow the campaign now.
	 * @param nextFireAt the campaign's next fire, or {@code null}
	 */
	static boolean following(CampaignStatus status, @Nullable Instant nextFireAt, Instant now) {
		if (status == CampaignStatus.RUNNING) {
			return true;
		}
		return status == CampaignStatus.SCHEDULED && nextFireAt != null && nextFireAt.isBefore(now.plus(AHEAD))
				&& nextFireAt.isAfter(now.minus(OVERDUE));
	}

	/**
	 * The first run the page follows: the oldest one still sending, else the latest one
	 * (so the followed runs are empty only while the campaign has none); {@code 0} before
	 * the first.
	 * @param runs all runs of a campaign
	 */
	static long followFrom(List<CampaignDetail.Run> runs) {
		return runs.stream()
			.filter((run) -> run.status().isActive())
			.mapToLong(CampaignDetail.Run::id)
			.min()
			.orElseGet(() -> runs.stream().mapToLong(CampaignDetail.Run::id).max().orElse(0));
	}

	/**
	 * The delivery run of the latest run handed to the delivery engine, {@code 0} if
	 * none.
	 */
	long latestDeliveryRun() {
		return this.runs.stream()
			.filter((run) -> run.deliveryRunId() != null)
			.max(Comparator.comparing(CampaignDetail.Run::scheduledFor))
			.map((run) -> Objects.requireNonNull(run.deliveryRunId()))
			.orElse(0L);
	}

}
