package dev.herald.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.herald.officialaccount.AudienceSource;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Service;

/**
 * Demo mode's upcoming campaigns, saved as an operator saves them on the form: the same
 * checks, the same Quartz trigger and the same audit lines, with the demo operator as the
 * author.
 */
@Service
public class DemoCampaigns {

	private final CampaignScheduler scheduler;

	DemoCampaigns(CampaignScheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * A campaign to the accounts with a tag, every week on some days at a local time.
	 * @return the campaign's id
	 */
	public long weekly(String by, String label, long chatAppId, long versionId, String tag, Set<DayOfWeek> days,
			LocalTime time, ZoneId zone) {
		return create(by, label, chatAppId, versionId, tag, Schedule.weekly(days, time, zone, null));
	}

	/**
	 * A campaign to the accounts with a tag, once.
	 * @return the campaign's id
	 */
	public long once(String by, String label, long chatAppId, long versionId, String tag, Instant at, ZoneId zone) {
		return create(by, label, chatAppId, versionId, tag, Schedule.once(at, zone));
	}

	private long create(String by, String label, long chatAppId, long versionId, String tag, Schedule schedule) {
		CampaignCommand command = new CampaignCommand(label, chatAppId, versionId, List.of(AudienceSource.tagged(tag)),
				schedule, new LateFirePolicy(LateFirePolicy.DEFAULT_MINUTES), null);
		// The scheduler takes the author (campaign and audit log) from the security
		// context, as for a signed-in operator.
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(
				new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(by, null, List.of())));
		try {
			return this.scheduler.create(command).id();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
