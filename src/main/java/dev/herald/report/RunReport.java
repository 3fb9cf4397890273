package dev.herald.report;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The report of one run (one fire of a campaign, or a one-off send).
 *
 * @param campaignLabel the campaign's label as its operator typed it (untrusted text),
 * {@code null} for a one-off send
 * @param state the run's state as the delivery engine keeps it
 * @param timeline sends per minute
 * @param sources how many accounts each source of the campaign's audience contributed
 * @param archivedSkipped archived accounts the sources matched and the run left out
 */
record RunReport(long id, @Nullable Long campaignId, @Nullable String campaignLabel, @Nullable Long campaignRunId,
		long chatAppId, @Nullable String appName, String state, int total, Instant createdAt,
		@Nullable Instant finishedAt, Outcomes outcomes, List<MinuteCount> timeline, List<SourceShare> sources,
		int archivedSkipped) {

	/** Sends that started in one minute, and how many of them were delivered. */
	record MinuteCount(Instant minute, long sends, long delivered) {
	}

}
