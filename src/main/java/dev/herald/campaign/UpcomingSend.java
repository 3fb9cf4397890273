package dev.herald.campaign;

import java.time.Instant;

/**
 * A campaign's next fire, for the dashboard.
 *
 * @param campaignId the campaign
 * @param label its label
 * @param chatAppId the app that sends
 * @param at when it fires
 * @param targets how many official accounts it goes to
 */
public record UpcomingSend(long campaignId, String label, long chatAppId, Instant at, int targets) {

}
