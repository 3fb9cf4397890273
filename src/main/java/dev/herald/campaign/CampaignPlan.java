package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What Herald shows before a campaign is saved: its next fires with the predicted
 * duration and finish of each run, the per-OA quota conflicts, and days a local time does
 * not exist.
 *
 * @param forecasts the next fires (five at most for recurring schedules)
 * @param conflicts fires that would be a third broadcast within an hour to some target
 * @param skippedDays local dates within the next year on which a daily or weekly time
 * falls into a daylight-saving gap
 * @param targets how many official accounts each run goes to
 * @param ratePerSecond the Chat app's rate limit
 * @param checkedFires how many fires were checked against the quota
 * @param firesPerDay how often the schedule fires in the day from its first fire, when
 * the schedule is refused (0 otherwise)
 */
record CampaignPlan(List<Forecast> forecasts, List<QuotaCheck.Conflict> conflicts, List<LocalDate> skippedDays,
		int targets, int ratePerSecond, int checkedFires, int firesPerDay) {

	/** How many conflicts a refusal lists; the rest are counted. */
	static final int SHOWN_CONFLICTS = 5;

	/**
	 * One predicted run.
	 *
	 * @param fire when it starts
	 * @param duration how long it takes at the app's rate (shared with other runs of the
	 * same app that overlap it), one call per OA
	 * @param finish when it is predicted to end
	 */
	record Forecast(Instant fire, Duration duration, Instant finish) {

		public long seconds() {
			return this.duration.toSeconds();
		}

	}

	public boolean refused() {
		return !this.conflicts.isEmpty();
	}

	/** Whether the schedule breaks the quota on its own, without other broadcasts. */
	public boolean refusedAlone() {
		return this.conflicts.stream().anyMatch((conflict) -> conflict.others().isEmpty() && !conflict.testSends());
	}

	/** The first conflicts, which a refusal lists. */
	public List<QuotaCheck.Conflict> firstConflicts() {
		return this.conflicts.subList(0, Math.min(SHOWN_CONFLICTS, this.conflicts.size()));
	}

	/** How many conflicts a refusal does not list. */
	public int moreConflicts() {
		return this.conflicts.size() - firstConflicts().size();
	}

	public boolean neverFires() {
		return this.forecasts.isEmpty();
	}

}
