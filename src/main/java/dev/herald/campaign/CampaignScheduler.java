package dev.herald.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.chatapp.ChatApps;
import dev.herald.delivery.RecallProgress;
import dev.herald.draft.ApprovedVersion;
import dev.herald.draft.ApprovedVersions;
import dev.herald.officialaccount.AudienceSource;
import dev.herald.officialaccount.Audiences;
import dev.herald.shared.NotFoundException;
import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.FormSubmission;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, edits, pauses, resumes and cancels campaigns. Every change writes the campaign
 * row, its Quartz trigger and its audit line in one transaction.
 */
@Service
class CampaignScheduler {

	private final CampaignRepository campaigns;

	private final CampaignRunRepository runs;

	private final CampaignTriggers triggers;

	private final CampaignPlanner planner;

	private final ApprovedVersions approvedVersions;

	private final Audiences audiences;

	private final QuotaLock quotaLock;

	private final ChatApps chatApps;

	private final RunHandOver delivery;

	private final AuditLog audit;

	private final Clock clock;

	CampaignScheduler(CampaignRepository campaigns, CampaignRunRepository runs, CampaignTriggers triggers,
			CampaignPlanner planner, ApprovedVersions approvedVersions, Audiences audiences, QuotaLock quotaLock,
			RunHandOver delivery, AuditLog audit, Clock clock, ChatApps chatApps) {
		this.chatApps = chatApps;
		this.campaigns = campaigns;
		this.runs = runs;
		this.triggers = triggers;
		this.planner = planner;
		this.approvedVersions = approvedVersions;
		this.audiences = audiences;
		this.quotaLock = quotaLock;
		this.delivery = delivery;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Plans a campaign without saving it.
	 * @throws RuleViolationException when the version is not approved or the targets are
	 * empty or of another app
	 */
	@Transactional(readOnly = true)
	CampaignPlan preview(@Nullable Long self, CampaignCommand command) {
		approved(command.versionId());
		List<String> targets = members(command);
		return this.planner.plan(self, command.chatAppId(), targets, command.schedule(), this.clock.instant());
	}

	/**
	 * Saves a new campaign and its trigger, or finds the one its form's token made.
	 * @return the campaign, and whether this call created it
	 * @throws RuleViolationException when a rule is broken, with the field to show it on
	 */
	@Transactional
	FormSubmission.Landed create(CampaignCommand command) {
		// One save per app at a time: the quota check below sees every campaign saved
		// before it, and a form posted again while its first POST held the lock finds
		// that campaign here instead of meeting it in the quota check.
		this.quotaLock.lock(command.chatAppId());
		if (command.submissionToken() != null) {
			Optional<Long> earlier = createdBy(command.submissionToken());
			if (earlier.isPresent()) {
				return new FormSubmission.Landed(earlier.get(), false);
			}
		}
		Instant now = this.clock.instant();
		ApprovedVersion version = offered(command.versionId());
		if (!this.chatApps.get(command.chatAppId()).enabled()) {
			throw RuleViolationException.onField("chatAppId", "campaigns.app.disabled");
		}
		List<String> members = members(command);
		checkPlan(null, command, members, now);
		Campaign.Targets targets = new Campaign.Targets(command.sources(), members.size());
		Campaign campaign = this.campaigns.save(new Campaign(command.label(), command.chatAppId(), content(version),
				targets, command.schedule(), command.latePolicy(),
				(command.submissionToken() != null) ? command.submissionToken().toString() : null, actor(), now));
		this.triggers.schedule(campaign.id(), command.schedule(), now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("label", command.label());
		after.put("chatAppId", command.chatAppId());
		after.put("draftId", version.draftId());
		after.put("versionId", version.versionId());
		after.put("contentHash", version.contentHash());
		after.put("sources", describe(command.sources()));
		after.put("targets", members.size());
		this.audit.record(AuditRecord.of("campaign.created", "campaign", campaign.id()).withAfter(after));
		this.audit.record(
				AuditRecord.of("campaign.scheduled", "campaign", campaign.id()).withAfter(campaign.describeSchedule()));
		return FormSubmission.Landed.created(campaign.id());
	}

	/**
	 * The campaign a create form's token made, if any.
	 * @param submissionToken the form's token
	 * @return the campaign's id
	 */
	@Transactional(readOnly = true)
	Optional<Long> createdBy(UUID submissionToken) {
		return this.campaigns.findBySubmissionToken(submissionToken.toString()).map(Campaign::id);
	}

	/**
	 * Edits a scheduled or paused campaign: label, targets, schedule, and - only by
	 * picking another approved version - content. Quotas are checked again.
	 */
	@Transactional
	void update(long id, long expectedVersion, CampaignCommand command) {
		this.quotaLock.lock(command.chatAppId());
		Instant now = this.clock.instant();
		Campaign campaign = this.campaigns.findForUpdate(id).orElseThrow(() -> new NotFoundException("campaign", id));
		if (campaign.getVersion() != expectedVersion) {
			throw new OptimisticLockingFailureException("Campaign " + id + " changed");
		}
		if (command.chatAppId() != campaign.getChatAppId()) {
			throw RuleViolationException.onField("chatAppId", "campaigns.app.fixed");
		}
		if (!campaign.isEditable()) {
			throw new IllegalStateException("Cannot edit campaign " + id + ": it is " + campaign.getStatus());
		}
		List<String> members = members(command);
		checkPlan(id, command, members, now);
		Campaign.Targets targets = new Campaign.Targets(command.sources(), members.size());
		if (!command.label().equals(campaign.getLabel())) {
			campaign.relabel(command.label(), now);
		}
		if (command.versionId() != campaign.getDraftVersionId()) {
			ApprovedVersion version = offered(command.versionId());
			Map<String, Object> before = Map.of("versionId", campaign.getDraftVersionId(), "contentHash",
					campaign.getContentHash());
			campaign.changeContent(content(version), now);
			this.audit.record(AuditRecord.of("campaign.contentChanged", "campaign", id)
				.withBefore(before)
				.withAfter(Map.of("draftId", version.draftId(), "versionId", version.versionId(), "contentHash",
						version.contentHash())));
		}
		if (!targets.sources().equals(campaign.sources()) || targets.count() != campaign.getTargetCount()) {
			Map<String, Object> before = Map.of("sources", describe(campaign.sources()), "targets",
					campaign.getTargetCount());
			campaign.retarget(targets, now);
			this.audit.record(AuditRecord.of("campaign.retargeted", "campaign", id)
				.withBefore(before)
				.withAfter(Map.of("sources", describe(targets.sources()), "targets", targets.count())));
		}
		Map<String, Object> scheduleBefore = campaign.describeSchedule();
		campaign.reschedule(command.schedule(), command.latePolicy(), now);
		if (!scheduleBefore.equals(campaign.describeSchedule())) {
			this.triggers.reschedule(id, command.schedule(), campaign.getStatus() == CampaignStatus.PAUSED, now);
			this.audit.record(AuditRecord.of("campaign.rescheduled", "campaign", id)
				.withBefore(scheduleBefore)
				.withAfter(campaign.describeSchedule()));
		}
	}

	/**
	 * Holds a campaign: its trigger does not fire, and its active run (if any) stops
	 * making calls.
	 */
	@Transactional
	void pause(long id) {
		Instant now = this.clock.instant();
		Campaign campaign = load(id);
		CampaignStatus before = campaign.getStatus();
		campaign.pause(now);
		this.triggers.hold(id);
		for (CampaignRun run : this.runs.findByCampaignIdAndStatus(id, RunStatus.RUNNING)) {
			if (run.getDeliveryRunId() != null) {
				this.delivery.pause(run.getDeliveryRunId());
			}
		}
		record("campaign.paused", campaign, before);
	}

	@Transactional
	void resume(long id) {
		Instant now = this.clock.instant();
		Campaign campaign = load(id);
		CampaignStatus before = campaign.getStatus();
		List<CampaignRun> all = this.runs.findByCampaignIdOrderByScheduledForDesc(id);
		List<CampaignRun> active = all.stream().filter((run) -> run.getStatus().isActive()).toList();
		boolean shortfall = all.stream().anyMatch((run) -> run.getStatus().fellShort());
		boolean lastCancelled = !all.isEmpty() && all.get(0).getStatus() == RunStatus.CANCELLED;
		Schedule schedule = campaign.schedule();
		Instant next = schedule.isRecurring() ? schedule.nextFireAfter(now)
				: (all.isEmpty() ? campaign.getNextFireAt() : null);
		campaign.resume(!active.isEmpty(), shortfall, lastCancelled, next, now);
		this.triggers.release(id, schedule, now);
		for (CampaignRun run : active) {
			if (run.getDeliveryRunId() != null) {
				this.delivery.resume(run.getDeliveryRunId());
			}
		}
		record("campaign.resumed", campaign, before);
	}

	/** Stops a campaign for good: no further fire, its active run cancelled. */
	@Transactional
	void cancel(long id) {
		Instant now = this.clock.instant();
		Campaign campaign = load(id);
		CampaignStatus before = campaign.getStatus();
		campaign.cancel(now);
		this.triggers.unschedule(id);
		for (CampaignRun run : this.runs.findByCampaignIdAndStatus(id, RunStatus.RUNNING)) {
			if (run.getDeliveryRunId() != null) {
				this.delivery.cancel(run.getDeliveryRunId());
			}
		}
		record("campaign.cancelled", campaign, before);
	}

	/** Hides a campaign that will not fire again from lists; restorable. */
	@Transactional
	void archive(long id) {
		Campaign campaign = load(id);
		campaign.archive(this.clock.instant());
		this.audit.record(AuditRecord.of("campaign.archived", "campaign", id));
	}

	@Transactional
	void restore(long id) {
		Campaign campaign = load(id);
		campaign.restore(this.clock.instant());
		this.audit.record(AuditRecord.of("campaign.restored", "campaign", id));
	}

	/**
	 * Starts recalling every message the campaign sent that can still be recalled (the
	 * delivery engine audits the recall when it is done).
	 * @return the recall as it starts
	 */
	RecallProgress recall(long id) {
		this.campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign", id));
		return this.delivery.recallCampaign(id);
	}

	private void checkPlan(@Nullable Long self, CampaignCommand command, List<String> members, Instant now) {
		CampaignPlan plan = this.planner.plan(self, command.chatAppId(), members, command.schedule(), now);
		if (plan.neverFires()) {
			throw RuleViolationException.onField("kind", "campaigns.schedule.neverFires");
		}
		if (plan.refused()) {
			QuotaCheck.Conflict first = plan.conflicts().get(0);
			List<String> names = plan.conflicts()
				.stream()
				.flatMap((conflict) -> conflict.others().stream())
				.distinct()
				.map((ref) -> "\"" + ref.label() + "\" (#" + ref.id() + ")")
				.toList();
			// Named are the first few campaigns; the message counts the others.
			List<String> named = names.subList(0, Math.min(CampaignPlan.SHOWN_CONFLICTS, names.size()));
			boolean testSends = plan.conflicts().stream().anyMatch(QuotaCheck.Conflict::testSends);
			String key = plan.refusedAlone() ? "campaigns.quota.self"
					: !names.isEmpty() ? "campaigns.quota.conflict" : "campaigns.quota.testSends";
			throw RuleViolationException.onField("kind", key, String.join(", ", named), first.example(),
					names.size() - named.size(), plan.firesPerDay());
		}
	}

	private List<String> members(CampaignCommand command) {
		if (command.sources().isEmpty()) {
			throw RuleViolationException.onField("accountIds", "campaigns.targets.none");
		}
		List<String> resolved;
		try {
			resolved = this.audiences.members(command.chatAppId(), command.sources());
		}
		catch (IllegalArgumentException ex) {
			throw RuleViolationException.onField("accountIds", "campaigns.targets.otherApp");
		}
		if (resolved.isEmpty()) {
			throw RuleViolationException.onField("accountIds", "campaigns.targets.empty");
		}
		return resolved;
	}

	/**
	 * The sources as the audit log keeps them: "APP", "GROUP:12", "TAG:store",
	 * "ACCOUNT:7".
	 */
	static List<String> describe(List<AudienceSource> sources) {
		return sources.stream().map((source) -> switch (source.kind()) {
			case APP -> "APP";
			case TAG -> "TAG:" + source.tag();
			default -> source.kind() + ":" + source.refId();
		}).toList();
	}

	/** An approved version that may start a new use: its draft is not archived. */
	private ApprovedVersion offered(long versionId) {
		return this.approvedVersions.findOffered(versionId)
			.orElseThrow(() -> RuleViolationException.onField("versionId", "campaigns.version.notApproved"));
	}

	private ApprovedVersion approved(long versionId) {
		return this.approvedVersions.findApproved(versionId)
			.orElseThrow(() -> RuleViolationException.onField("versionId", "campaigns.version.notApproved"));
	}

	private static Campaign.Content content(ApprovedVersion version) {
		return new Campaign.Content(version.draftId(), version.versionId(), version.number(), version.title(),
				version.contentJson(), version.contentHash());
	}

	private Campaign load(long id) {
		return this.campaigns.findForUpdate(id).orElseThrow(() -> new NotFoundException("campaign", id));
	}

	private void record(String action, Campaign campaign, CampaignStatus before) {
		this.audit.record(AuditRecord.of(action, "campaign", campaign.id())
			.withBefore(Map.of("status", before.name()))
			.withAfter(Map.of("status", campaign.getStatus().name())));
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : AuditLog.SYSTEM;
	}

}
