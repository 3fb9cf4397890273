package dev.herald.campaign;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as lists and the dashboard show it.
 *
 * @param nextFireAt its next fire, or {@code null}
 * @param lastMissedAt when its latest MISSED run was due, or {@code null}
 * @param lastRunAt when its latest run fired, or {@code null} before the first
 * @param lastRunStatus what became of that run (a {@code RunStatus} name), or
 * {@code null}
 * @param lastRunSent how many of its deliveries reached Tencent (0 while it sends)
 * @param lastRunFailed how many failed for good (0 while it sends)
 * @param lastRunTargets how many official accounts it went to
 */
public record CampaignOverview(long id, String label, long chatAppId, CampaignStatus status, String scheduleKind,
		int targets, @Nullable Instant nextFireAt, @Nullable Instant lastMissedAt, @Nullable Instant lastRunAt,
		@Nullable String lastRunStatus, long lastRunSent, long lastRunFailed, int lastRunTargets) {

	public String statusKey() {
		return "CampaignStatus." + this.status.name();
	}

	/** The message key of the latest run's outcome, {@code null} before the first. */
	public @Nullable String lastRunKey() {
		return (this.lastRunStatus != null) ? "campaigns.run.status." + this.lastRunStatus : null;
	}

	/**
	 * Whether the latest run has counts to show: it finished, and it was not missed (a
	 * missed fire sent nothing).
	 */
	public boolean lastRunCounted() {
		if (this.lastRunStatus == null) {
			return false;
		}
		RunStatus status = RunStatus.valueOf(this.lastRunStatus);
		return status != RunStatus.RUNNING && status != RunStatus.MISSED;
	}

}
