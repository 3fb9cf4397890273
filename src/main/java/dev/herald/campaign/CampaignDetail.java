package dev.herald.campaign;

import java.time.Instant;
import java.util.List;

import dev.herald.audit.AuditEntry;
import dev.herald.officialaccount.Audience;
import dev.herald.officialaccount.AudienceSource;
import org.jspecify.annotations.Nullable;

/**
 * Everything the campaign page shows.
 */
record CampaignDetail(long id, String label, long chatAppId, CampaignStatus status, Schedule schedule, int lateMinutes,
		long draftId, long versionId, int versionNumber, String draftTitle, String contentHash,
		List<AudienceSource> sources, @Nullable Audience audience, int savedTargetCount, List<Instant> nextFires,
		List<Run> runs, List<AuditEntry> timeline, String createdBy, Instant createdAt, long version,
		boolean archived) implements CampaignButtons {

	public boolean hasMissed() {
		return this.runs.stream().anyMatch((run) -> run.status() == RunStatus.MISSED);
	}

	/** One run as the page lists it. */
	record Run(long id, Instant scheduledFor, Instant firedAt, RunStatus status, @Nullable Long deliveryRunId,
			int targets, long sent, long failed, @Nullable Instant finishedAt, List<Audience.Share> shares,
			int archivedSkipped) {

		static Run of(CampaignRun run) {
			return new Run(run.id(), run.getScheduledFor(), run.getFiredAt(), run.getStatus(), run.getDeliveryRunId(),
					run.getTargetCount(), run.getSent(), run.getFailed(), run.getFinishedAt(), run.shares(),
					run.getArchivedSkipped());
		}

		public String statusKey() {
			return "campaigns.run.status." + this.status.name();
		}

	}

}
