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
 */
record RunReport(long id, @Nullable Long campaignId, @Nullable String campaignLabel, @Nullable Long campaignRunId,
		long chatAppId, @Nullable String appName, String state, int total, Instant createdAt,
		@Nullable Instant finishedAt, Outcomes outcomes, List<MinuteCount> timeline) {

	/** Sends that started in one minute, and how many of them were delivered. */
	record MinuteCount(Instant minute, long sends, long delivered) {
	}

}
