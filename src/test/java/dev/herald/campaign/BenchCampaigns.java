package dev.herald.campaign;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.context.ApplicationContext;

/**
 * Lets the benchmark (package {@code dev.herald.bench}) schedule campaigns the way the
 * campaign page does, through {@link CampaignScheduler}, so Quartz fires them.
 */
public final class BenchCampaigns {

	private BenchCampaigns() {
	}

	/**
	 * Schedules a one-time campaign.
	 * @return the campaign id
	 */
	public static long once(ApplicationContext context, String label, long chatAppId, long versionId,
			Set<Long> accountIds, Instant at) {
		return context.getBean(CampaignScheduler.class)
			.create(TestCommands.toAccounts(label, chatAppId, versionId, accountIds, Schedule.once(at, ZoneOffset.UTC),
					new LateFirePolicy(15)))
			.id();
	}

}
