package dev.herald.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The report of one campaign over all its runs, with the runs side by side.
 *
 * @param label the campaign's label as its operator typed it (untrusted text), or
 * {@code null} where deliveries name a campaign that has no row
 */
record CampaignReport(long id, @Nullable String label, Outcomes outcomes, List<RunSummary> runs) {

}
