package dev.herald.campaign;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.stereotype.Component;

/**
 * Quartz, as campaigns use it: one job and one trigger per campaign, both keyed
 * {@code campaign-{id}} in group {@code campaign}, in the clustered JDBC job store.
 * Spring's {@code LocalDataSourceJobStore} joins the caller's transaction, so a trigger
 * is stored, changed or removed together with the campaign row, or not at all.
 * <p>
 * Misfires: every trigger uses "ignore misfires". After downtime or a held trigger,
 * Quartz then fires each missed fire as soon as it can <em>with its original scheduled
 * time</em>; the job hands that time to {@link CampaignRunner#fire}, where the late-fire
 * policy decides between sending and MISSED. The other instructions (fire now, fire and
 * proceed, do nothing) either move the scheduled time to "now", which hides lateness, or
 * drop the fire without a trace.
 */
@Component
class CampaignTriggers {

	static final String GROUP = "campaign";

	static final String CAMPAIGN_ID = "campaignId";

	private final Scheduler scheduler;

	CampaignTriggers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Stores the campaign's job and trigger in the caller's transaction.
	 * @param campaignId the campaign
	 * @param schedule when it fires
	 * @param now the current time (start of a recurring trigger)
	 */
	void schedule(long campaignId, Schedule schedule, Instant now) {
		JobDetail job = JobBuilder.newJob(CampaignFireJob.class)
			.withIdentity(jobKey(campaignId))
			.usingJobData(CAMPAIGN_ID, campaignId)
			// A node that dies while firing leaves the fire unfinished (its transaction
			// rolls
			// back); recovery makes another node fire it again. A fire that did commit is
			// recognised by its scheduled time and not repeated.
			.requestRecovery(true)
			.storeDurably(false)
			.build();
		call(() -> this.scheduler.scheduleJob(job, trigger(campaignId, schedule, now)));
	}

	/**
	 * Replaces the trigger after an edit; a held trigger stays held.
	 */
	void reschedule(long campaignId, Schedule schedule, boolean held, Instant now) {
		call(() -> {
			Date next = this.scheduler.rescheduleJob(triggerKey(campaignId), trigger(campaignId, schedule, now));
			if (next == null) {
				schedule(campaignId, schedule, now);
			}
			if (held) {
				this.scheduler.pauseTrigger(triggerKey(campaignId));
			}
			return null;
		});
	}

	/** Holds the trigger: it does not fire until resumed. */
	void hold(long campaignId) {
		call(() -> {
			this.scheduler.pauseTrigger(triggerKey(campaignId));
			return null;
		});
	}

	/**
	 * Releases a held trigger. A one-off resumes as it was (a fire missed while held
	 * comes through the late-fire policy); a recurring trigger restarts from now, since
	 * fires skipped while an operator held the campaign are not owed.
	 */
	void release(long campaignId, Schedule schedule, Instant now) {
		call(() -> {
			if (schedule.isRecurring()) {
				this.scheduler.rescheduleJob(triggerKey(campaignId), trigger(campaignId, schedule, now));
			}
			else {
				this.scheduler.resumeTrigger(triggerKey(campaignId));
			}
			return null;
		});
	}

	/** Removes the job and its trigger. */
	void unschedule(long campaignId) {
		call(() -> this.scheduler.deleteJob(jobKey(campaignId)));
	}

	/**
	 * The trigger's next fire, as Quartz has it.
	 * @return the instant, or {@code null} when there is no trigger or no fire left
	 */
	@Nullable Instant nextFire(long campaignId) {
		Trigger trigger = call(() -> this.scheduler.getTrigger(triggerKey(campaignId)));
		return (trigger != null && trigger.getNextFireTime() != null) ? trigger.getNextFireTime().toInstant() : null;
	}

	boolean exists(long campaignId) {
		return Boolean.TRUE.equals(call(() -> this.scheduler.checkExists(triggerKey(campaignId))));
	}

	static JobKey jobKey(long campaignId) {
		return JobKey.jobKey("campaign-" + campaignId, GROUP);
	}

	static TriggerKey triggerKey(long campaignId) {
		return TriggerKey.triggerKey("campaign-" + campaignId, GROUP);
	}

	private static Trigger trigger(long campaignId, Schedule schedule, Instant now) {
		TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
			.withIdentity(triggerKey(campaignId))
			.forJob(jobKey(campaignId));
		if (!schedule.isRecurring()) {
			return builder.startAt(Date.from(Objects.requireNonNull(schedule.fireAt())))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionIgnoreMisfires())
				.build();
		}
		Instant end = schedule.endsAt();
		builder.startAt(Date.from(now))
			.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cronExpression())
				.inTimeZone(TimeZone.getTimeZone(schedule.zone()))
				.withMisfireHandlingInstructionIgnoreMisfires());
		if (end != null) {
			builder.endAt(Date.from(end));
		}
		return builder.build();
	}

	private static <T> @Nullable T call(QuartzCall<T> call) {
		try {
			return call.run();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz refused: " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface QuartzCall<T> {

		@Nullable T run() throws SchedulerException;

	}

}
