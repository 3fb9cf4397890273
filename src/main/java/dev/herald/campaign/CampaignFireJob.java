package dev.herald.campaign;

import java.time.Instant;

import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz's side of a campaign fire: it only says which campaign was due when. Spring's
 * job factory creates it with its collaborator by constructor.
 */
class CampaignFireJob extends QuartzJobBean {

	private final CampaignRunner runner;

	CampaignFireJob(CampaignRunner runner) {
		this.runner = runner;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		this.runner.fire(data.getLong(CampaignTriggers.CAMPAIGN_ID), scheduledFor(context));
	}

	/**
	 * The fire time the campaign was due at. A recovered fire (its node died) runs under
	 * a recovery trigger; the original time travels in the job data.
	 */
	static Instant scheduledFor(JobExecutionContext context) {
		if (context.isRecovering()) {
			String original = context.getMergedJobDataMap()
				.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
			if (original != null) {
				return Instant.ofEpochMilli(Long.parseLong(original));
			}
		}
		return context.getScheduledFireTime().toInstant();
	}

}
