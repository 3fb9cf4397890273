package dev.herald.report;

import java.util.List;

/**
 * The report of one campaign over all its runs, with the runs side by side.
 */
record CampaignReport(long id, Outcomes outcomes, List<RunSummary> runs) {

}
