package dev.herald.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.herald.officialaccount.AudienceSource;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A campaign: a frozen copy of one approved draft version, the official accounts it goes
 * to, and when. Its status changes only through the methods below, each of which refuses
 * a change its current status does not allow.
 */
@Entity
@Table(name = "campaign")
class Campaign {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String label;

	private long chatAppId;

	private long draftId;

	private long draftVersionId;

	private int draftVersionNumber;

	private String draftTitle;

	private String contentJson;

	private String contentHash;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "campaign_target", joinColumns = @JoinColumn(name = "campaign_id"))
	@OrderColumn(name = "position")
	private List<CampaignTarget> targets = new ArrayList<>();

	private int targetCount;

	@Embedded
	private Schedule schedule;

	private int lateMinutes;

	@Enumerated(EnumType.STRING)
	private CampaignStatus status;

	private @Nullable Instant nextFireAt;

	private @Nullable Instant pausedAt;

	private @Nullable Instant archivedAt;

	// The create form's one-time token: a repeated POST finds the campaign it made.
	private @Nullable String submissionToken;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@SuppressWarnings("NullAway.Init")
	protected Campaign() {
	}

	Campaign(String label, long chatAppId, Content content, Targets targets, Schedule schedule,
			LateFirePolicy latePolicy, @Nullable String submissionToken, String createdBy, Instant now) {
		this.label = label;
		this.submissionToken = submissionToken;
		this.chatAppId = chatAppId;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.status = CampaignStatus.SCHEDULED;
		this.lateMinutes = latePolicy.minutes();
		applyContent(content);
		applyTargets(targets);
		applySchedule(schedule, now);
	}

	/**
	 * The content a campaign sends, copied from an approved draft version.
	 */
	record Content(long draftId, long versionId, int number, String title, String contentJson, String contentHash) {

	}

	/**
	 * The sources of the audience, and how many accounts they resolved to when saved
	 * (each run resolves them again when it fires).
	 */
	record Targets(List<AudienceSource> sources, int count) {

		Targets {
			sources = sources.stream().distinct().toList();
			if (sources.isEmpty() || count <= 0) {
				throw new IllegalArgumentException("a campaign needs at least one official account");
			}
		}

	}

	// ---- transitions

	/**
	 * A fire started a run.
	 * @param next the schedule's next fire after this one, or {@code null}
	 */
	void fired(@Nullable Instant next, Instant now) {
		requireStatus("fire", CampaignStatus.SCHEDULED, CampaignStatus.RUNNING);
		this.status = CampaignStatus.RUNNING;
		this.nextFireAt = next;
		this.updatedAt = now;
	}

	/**
	 * A fire came too late to send.
	 * @param next the schedule's next fire, or {@code null}
	 * @param runsActive whether another run is still sending
	 */
	void missed(@Nullable Instant next, boolean runsActive, Instant now) {
		requireStatus("miss a fire", CampaignStatus.SCHEDULED, CampaignStatus.RUNNING);
		this.nextFireAt = next;
		this.updatedAt = now;
		if (runsActive) {
			return;
		}
		if (next == null) {
			this.status = isRecurring() ? CampaignStatus.COMPLETED_WITH_FAILURES : CampaignStatus.MISSED;
		}
	}

	/**
	 * A run finished.
	 * @param runsActive whether another run is still sending
	 * @param anyShortfall whether any run failed, was missed or was cancelled
	 * @param lastCancelled whether its latest run was cancelled
	 */
	void runFinished(boolean runsActive, boolean anyShortfall, boolean lastCancelled, Instant now) {
		this.updatedAt = now;
		if (this.status != CampaignStatus.RUNNING || runsActive) {
			// Paused or cancelled campaigns keep their status; resume decides later.
			return;
		}
		this.status = afterRuns(anyShortfall, lastCancelled);
	}

	void pause(Instant now) {
		requireStatus("pause", CampaignStatus.SCHEDULED, CampaignStatus.RUNNING);
		this.status = CampaignStatus.PAUSED;
		this.pausedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Resumes a paused campaign.
	 * @param runsActive whether a run of it is still open
	 * @param anyShortfall whether any run failed, was missed or was cancelled
	 * @param lastCancelled whether its latest run was cancelled
	 * @param next its next fire, or {@code null}
	 */
	void resume(boolean runsActive, boolean anyShortfall, boolean lastCancelled, @Nullable Instant next, Instant now) {
		requireStatus("resume", CampaignStatus.PAUSED);
		this.pausedAt = null;
		this.nextFireAt = next;
		this.updatedAt = now;
		if (runsActive) {
			this.status = CampaignStatus.RUNNING;
		}
		else if (next != null) {
			this.status = CampaignStatus.SCHEDULED;
		}
		else {
			this.status = afterRuns(anyShortfall, lastCancelled);
		}
	}

	void cancel(Instant now) {
		requireStatus("cancel", CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED);
		this.status = CampaignStatus.CANCELLED;
		this.nextFireAt = null;
		this.updatedAt = now;
	}

	void reschedule(Schedule schedule, LateFirePolicy latePolicy, Instant now) {
		requireEditable("reschedule");
		this.lateMinutes = latePolicy.minutes();
		applySchedule(schedule, now);
	}

	void retarget(Targets targets, Instant now) {
		requireEditable("change the targets of");
		applyTargets(targets);
		this.updatedAt = now;
	}

	void changeContent(Content content, Instant now) {
		requireEditable("change the content of");
		applyContent(content);
		this.updatedAt = now;
	}

	void relabel(String label, Instant now) {
		requireEditable("rename");
		this.label = label;
		this.updatedAt = now;
	}

	boolean mayFire() {
		return this.status == CampaignStatus.SCHEDULED || this.status == CampaignStatus.RUNNING;
	}

	boolean isEditable() {
		return this.status == CampaignStatus.SCHEDULED || this.status == CampaignStatus.PAUSED;
	}

	/**
	 * With no fire left, the badge tells what its runs did: a last run stopped by an
	 * operator makes the campaign cancelled; any run that did not send everything makes
	 * it completed with failures, never plain completed.
	 */
	private CampaignStatus afterRuns(boolean anyShortfall, boolean lastCancelled) {
		if (this.nextFireAt != null) {
			return CampaignStatus.SCHEDULED;
		}
		if (lastCancelled) {
			return CampaignStatus.CANCELLED;
		}
		return anyShortfall ? CampaignStatus.COMPLETED_WITH_FAILURES : CampaignStatus.COMPLETED;
	}

	private void requireEditable(String action) {
		requireStatus(action, CampaignStatus.SCHEDULED, CampaignStatus.PAUSED);
	}

	private void requireStatus(String action, CampaignStatus... allowed) {
		if (!Arrays.asList(allowed).contains(this.status)) {
			throw new IllegalStateException("Cannot " + action + " campaign " + this.id + ": it is " + this.status);
		}
	}

	private void applyContent(Content content) {
		this.draftId = content.draftId();
		this.draftVersionId = content.versionId();
		this.draftVersionNumber = content.number();
		this.draftTitle = content.title();
		this.contentJson = content.contentJson();
		this.contentHash = content.contentHash();
	}

	private void applyTargets(Targets targets) {
		this.targets.clear();
		targets.sources().forEach((source) -> this.targets.add(new CampaignTarget(source)));
		this.targetCount = targets.count();
	}

	private void applySchedule(Schedule schedule, Instant now) {
		this.schedule = schedule;
		this.nextFireAt = schedule.fires(now.minusSeconds(1), 1, Instant.MAX).stream().findFirst().orElse(null);
		this.updatedAt = now;
	}

	// ---- reading

	Schedule schedule() {
		return this.schedule;
	}

	List<AudienceSource> sources() {
		return this.targets.stream().map(CampaignTarget::source).toList();
	}

	/** Hides the campaign from lists; only a campaign that will not fire again. */
	void archive(Instant now) {
		if (!this.status.isFinal()) {
			throw new IllegalStateException("Cannot archive campaign " + this.id + ": it is " + this.status);
		}
		this.archivedAt = now;
		this.updatedAt = now;
	}

	void restore(Instant now) {
		this.archivedAt = null;
		this.updatedAt = now;
	}

	@Nullable Instant getArchivedAt() {
		return this.archivedAt;
	}

	LateFirePolicy latePolicy() {
		return new LateFirePolicy(this.lateMinutes);
	}

	boolean isRecurring() {
		return this.schedule.isRecurring();
	}

	/** What the audit log keeps about the schedule. */
	Map<String, Object> describeSchedule() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("kind", this.schedule.kind().name());
		map.put("zone", this.schedule.zone().getId());
		if (this.schedule.fireAt() != null) {
			map.put("fireAt", this.schedule.fireAt().toString());
		}
		if (this.schedule.isRecurring()) {
			map.put("cron", this.schedule.cronExpression());
		}
		if (this.schedule.endDate() != null) {
			map.put("endDate", this.schedule.endDate().toString());
		}
		map.put("lateMinutes", this.lateMinutes);
		return map;
	}

	@Nullable Long getId() {
		return this.id;
	}

	long id() {
		return Objects.requireNonNull(this.id);
	}

	String getLabel() {
		return this.label;
	}

	long getChatAppId() {
		return this.chatAppId;
	}

	long getDraftId() {
		return this.draftId;
	}

	long getDraftVersionId() {
		return this.draftVersionId;
	}

	int getDraftVersionNumber() {
		return this.draftVersionNumber;
	}

	String getDraftTitle() {
		return this.draftTitle;
	}

	String getContentJson() {
		return this.contentJson;
	}

	String getContentHash() {
		return this.contentHash;
	}

	int getTargetCount() {
		return this.targetCount;
	}

	int getLateFireMinutes() {
		return this.lateMinutes;
	}

	CampaignStatus getStatus() {
		return this.status;
	}

	/**
	 * Its fires still to come, from {@code from} (inclusive) to {@code until}: none once
	 * a one-off has fired, and no fire of a recurring schedule before its next one. Fires
	 * behind it have runs, and a run counts as a send on its own.
	 */
	List<Instant> firesToCome(Instant from, int max, Instant until) {
		if (this.nextFireAt == null) {
			return List.of();
		}
		return this.schedule.fires(from.isBefore(this.nextFireAt) ? this.nextFireAt : from, max, until);
	}

	@Nullable Instant getNextFireAt() {
		return this.nextFireAt;
	}

	@Nullable Instant getPausedAt() {
		return this.pausedAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	long getVersion() {
		return this.version;
	}

}
