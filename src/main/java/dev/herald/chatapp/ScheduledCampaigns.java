package dev.herald.chatapp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many campaigns of an app will still send, for the warning on a disabled app's page.
 * Reads the campaign table directly: the campaign module depends on this one, so this one
 * cannot call it back.
 */
@Component
class ScheduledCampaigns {

	private final JdbcClient jdbc;

	ScheduledCampaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Campaigns that have not reached a final status: scheduled, running or paused.
	 * @param chatAppId the app
	 * @return their number
	 */
	@Transactional(readOnly = true)
	long count(long chatAppId) {
		return this.jdbc.sql("""
				select count(*) from campaign
				where chat_app_id = :app and status in ('SCHEDULED', 'RUNNING', 'PAUSED')""")
			.param("app", chatAppId)
			.query(Long.class)
			.single();
	}

}
