package dev.herald.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.officialaccount.Audience;
import dev.herald.officialaccount.Audiences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens when a campaign fires, and when one of its runs finishes. Quartz calls
 * {@link #fire}; the delivery engine's "run finished" event calls {@link #runFinished}.
 */
@Service
class CampaignRunner {

	private static final Logger logger = LoggerFactory.getLogger(CampaignRunner.class);

	private final CampaignRepository campaigns;

	private final CampaignRunRepository runs;

	private final RunHandOver delivery;

	private final AuditLog audit;

	private final Clock clock;

	private final Audiences audiences;

	CampaignRunner(CampaignRepository campaigns, CampaignRunRepository runs, RunHandOver delivery, AuditLog audit,
			Clock clock, Audiences audiences) {
		this.audiences = audiences;
		this.campaigns = campaigns;
		this.runs = runs;
		this.delivery = delivery;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One fire of a campaign, in one transaction: a run row, and either its hand-over to
	 * the delivery engine (deliveries created in bulk) or, when it comes later than the
	 * late-fire policy allows, a MISSED run the operator sees. A fire that was already
	 * recorded (a recovered fire, or a second node) changes nothing; a paused or
	 * cancelled campaign never fires.
	 * @param campaignId the campaign
	 * @param scheduledFor the fire time it was due at
	 * @return what the fire did
	 */
	@Transactional
	FireOutcome fire(long campaignId, Instant scheduledFor) {
		Campaign campaign = this.campaigns.findForUpdate(campaignId).orElse(null);
		if (campaign == null) {
			logger.warn("Campaign " + campaignId + " fired but does not exist");
			return FireOutcome.IGNORED;
		}
		if (this.runs.existsByCampaignIdAndScheduledFor(campaignId, scheduledFor)) {
			return FireOutcome.IGNORED;
		}
		if (!campaign.mayFire()) {
			logger.info("Campaign " + campaignId + " is " + campaign.getStatus() + "; its fire at " + scheduledFor
					+ " sends nothing");
			return FireOutcome.IGNORED;
		}
		Instant now = this.clock.instant();
		// A one-off fires once, whenever that is; a recurring schedule goes on after now.
		Instant next = campaign.isRecurring()
				? campaign.schedule().nextFireAfter(scheduledFor.isAfter(now) ? scheduledFor : now) : null;
		boolean otherRunsActive = !this.runs.findByCampaignIdAndStatus(campaignId, RunStatus.RUNNING).isEmpty();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("scheduledFor", scheduledFor.toString());
		details.put("lateSeconds", Math.max(0, Duration.between(scheduledFor, now).toSeconds()));
		if (!campaign.latePolicy().allows(scheduledFor, now)) {
			CampaignRun run = this.runs
				.save(CampaignRun.missed(campaignId, scheduledFor, now, campaign.getTargetCount()));
			campaign.missed(next, otherRunsActive, now);
			details.put("run", run.id());
			details.put("lateMinutesAllowed", campaign.latePolicy().minutes());
			this.audit.record(AuditRecord.of("campaign.missed", "campaign", campaignId).withAfter(details));
			return FireOutcome.MISSED;
		}
		// The audience is resolved now: accounts added to a group or tagged since the
		// campaign was saved take part, archived ones do not.
		Audience audience = this.audiences.measure(campaign.getChatAppId(), campaign.sources());
		List<String> targets = this.audiences.members(campaign.getChatAppId(), campaign.sources());
		CampaignRun run = this.runs.save(CampaignRun.started(campaignId, scheduledFor, now, targets.size()));
		run.resolved(audience);
		campaign.fired(next, now);
		details.put("run", run.id());
		details.put("targets", targets.size());
		details.put("archivedSkipped", audience.archivedSkipped());
		if (targets.isEmpty()) {
			// Nothing to send to (every account archived): the run ends here.
			run.finished(false, 0, 0, now);
			campaign.runFinished(otherRunsActive, false, false, now);
			this.audit.record(AuditRecord.of("campaign.fired", "campaign", campaignId).withAfter(details));
			return FireOutcome.SENT;
		}
		long deliveryRunId = this.delivery.start(campaign.getChatAppId(), campaign.getContentJson(), targets,
				campaignId, run.id());
		run.handedOver(deliveryRunId);
		details.put("deliveryRun", deliveryRunId);
		this.audit.record(AuditRecord.of("campaign.fired", "campaign", campaignId).withAfter(details));
		return FireOutcome.SENT;
	}

	/**
	 * The delivery engine finished a run of a campaign. The same run may finish again
	 * after an operator decided on deliveries in doubt: then only its counts follow.
	 */
	@Transactional
	void runFinished(long campaignId, long campaignRunId, boolean cancelled, long sent, long failed) {
		// The campaign's lock comes first, so a second delivery of the same event reads
		// the run as the first one left it and changes nothing.
		Campaign campaign = this.campaigns.findForUpdate(campaignId).orElse(null);
		CampaignRun run = this.runs.findById(campaignRunId).orElse(null);
		if (campaign == null || run == null || run.getCampaignId() != campaignId) {
			return;
		}
		Instant now = this.clock.instant();
		if (!run.finished(cancelled, sent, failed, now)) {
			// Finished before: a run an operator's decision reopened or recounted
			// finished again, and only its counts change (no second audit line).
			run.recounted(sent, failed);
			return;
		}
		List<CampaignRun> all = this.runs.findByCampaignIdOrderByScheduledForDesc(campaign.id());
		boolean active = all.stream().anyMatch((other) -> other.getStatus().isActive());
		boolean shortfall = all.stream().anyMatch((other) -> other.getStatus().fellShort());
		boolean lastCancelled = all.get(0).getStatus() == RunStatus.CANCELLED;
		CampaignStatus before = campaign.getStatus();
		campaign.runFinished(active, shortfall, lastCancelled, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("run", campaignRunId);
		after.put("status", run.getStatus().name());
		after.put("sent", sent);
		after.put("failed", failed);
		after.put("campaignStatus", campaign.getStatus().name());
		this.audit.record(AuditRecord.of("campaign.runFinished", "campaign", campaign.id())
			.withBefore(Map.of("campaignStatus", before.name()))
			.withAfter(after));
	}

	/** What one fire did. */
	enum FireOutcome {

		SENT, MISSED, IGNORED

	}

}
