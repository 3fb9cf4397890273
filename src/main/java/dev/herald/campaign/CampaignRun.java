package dev.herald.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.herald.officialaccount.Audience;
import org.jspecify.annotations.Nullable;

/**
 * One fire of a campaign: when it was due, when it fired, and what became of it.
 */
@Entity
@Table(name = "campaign_run")
class CampaignRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long campaignId;

	private Instant scheduledFor;

	private Instant firedAt;

	@Enumerated(EnumType.STRING)
	private RunStatus status;

	private @Nullable Long deliveryRunId;

	private int targetCount;

	private long sent;

	private long failed;

	private @Nullable Instant finishedAt;

	private @Nullable String audience;

	private int archivedSkipped;

	@SuppressWarnings("NullAway.Init")
	protected CampaignRun() {
	}

	private CampaignRun(long campaignId, Instant scheduledFor, Instant firedAt, RunStatus status, int targetCount) {
		this.campaignId = campaignId;
		this.scheduledFor = scheduledFor;
		this.firedAt = firedAt;
		this.status = status;
		this.targetCount = targetCount;
		if (status == RunStatus.MISSED) {
			this.finishedAt = firedAt;
		}
	}

	static CampaignRun started(long campaignId, Instant scheduledFor, Instant firedAt, int targetCount) {
		return new CampaignRun(campaignId, scheduledFor, firedAt, RunStatus.RUNNING, targetCount);
	}

	static CampaignRun missed(long campaignId, Instant scheduledFor, Instant firedAt, int targetCount) {
		return new CampaignRun(campaignId, scheduledFor, firedAt, RunStatus.MISSED, targetCount);
	}

	/** Keeps how the audience was resolved when the run fired. */
	void resolved(Audience audience) {
		this.audience = RunAudience.toJson(audience.shares());
		this.archivedSkipped = audience.archivedSkipped();
	}

	List<Audience.Share> shares() {
		return RunAudience.fromJson(this.audience);
	}

	int getArchivedSkipped() {
		return this.archivedSkipped;
	}

	void handedOver(long deliveryRunId) {
		if (this.status != RunStatus.RUNNING || this.deliveryRunId != null) {
			throw new IllegalStateException("Run " + this.id + " is " + this.status + " and cannot be handed over");
		}
		this.deliveryRunId = deliveryRunId;
	}

	/**
	 * The delivery engine finished the run.
	 * @return {@code false} when it had already been recorded
	 */
	boolean finished(boolean cancelled, long sent, long failed, Instant now) {
		if (this.status != RunStatus.RUNNING) {
			return false;
		}
		this.sent = sent;
		this.failed = failed;
		this.finishedAt = now;
		if (cancelled) {
			this.status = RunStatus.CANCELLED;
		}
		else {
			this.status = (failed > 0) ? RunStatus.COMPLETED_WITH_FAILURES : RunStatus.COMPLETED;
		}
		return true;
	}

	/**
	 * The delivery engine finished the run again: an operator decided on deliveries it
	 * could not tell were sent (sent again, marked as sent or as not sent), and the run's
	 * counts follow. Its status and finish time stay what its first end made them. Every
	 * such decision takes deliveries out of "failed" (in doubt) and none into it, and
	 * none takes one out of "sent", so an older announcement handed out again late
	 * (counts with more failures or fewer sent) changes nothing.
	 * @return whether the counts changed
	 */
	boolean recounted(long sent, long failed) {
		boolean recorded = this.status != RunStatus.RUNNING && this.status != RunStatus.MISSED;
		if (!recorded || sent < this.sent || failed > this.failed || (sent == this.sent && failed == this.failed)) {
			return false;
		}
		this.sent = sent;
		this.failed = failed;
		return true;
	}

	long id() {
		return Objects.requireNonNull(this.id);
	}

	long getCampaignId() {
		return this.campaignId;
	}

	Instant getScheduledFor() {
		return this.scheduledFor;
	}

	Instant getFiredAt() {
		return this.firedAt;
	}

	RunStatus getStatus() {
		return this.status;
	}

	@Nullable Long getDeliveryRunId() {
		return this.deliveryRunId;
	}

	int getTargetCount() {
		return this.targetCount;
	}

	long getSent() {
		return this.sent;
	}

	long getFailed() {
		return this.failed;
	}

	@Nullable Instant getFinishedAt() {
		return this.finishedAt;
	}

}
