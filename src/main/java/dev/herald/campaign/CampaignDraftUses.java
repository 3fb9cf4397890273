package dev.herald.campaign;

import java.util.List;

import dev.herald.draft.DraftUses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The campaigns that still send each draft's versions. */
@Component
class CampaignDraftUses implements DraftUses {

	private final JdbcClient jdbc;

	CampaignDraftUses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<DraftUse> campaignsSending(long draftId) {
		return this.jdbc.sql("""
				select id, label, draft_version_number from campaign
				where draft_id = ? and status in ('SCHEDULED', 'RUNNING', 'PAUSED')
				order by id""")
			.param(draftId)
			.query((rs, n) -> new DraftUse(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

}
