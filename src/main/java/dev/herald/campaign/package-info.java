/**
 * Campaigns: a frozen copy of one approved draft version, sent to official accounts of
 * one Chat app now, once at a local time, or on a recurring schedule in a time zone.
 * Quartz decides when a campaign fires (one trigger per campaign, in this module only);
 * each fire becomes a run handed to the delivery engine. Other modules read campaigns
 * through {@link dev.herald.campaign.Campaigns}.
 */
@ApplicationModule(allowedDependencies = { "audit", "chatapp", "delivery", "draft", "officialaccount" })
@NullMarked
package dev.herald.campaign;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
