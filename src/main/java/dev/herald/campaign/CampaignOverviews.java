package dev.herald.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns as lists show them, read in one query per page: each row with its latest run
 * (what became of it, and its counts) and its latest missed fire, filtered, ordered and
 * paged by the database.
 */
@Component
class CampaignOverviews {

	// The latest run by fire time (ties: the later row), as the list shows it.
	private static final String SELECT = """
			select c.id, c.label, c.chat_app_id, c.status, c.schedule_kind, c.target_count, c.next_fire_at,
			  (select max(m.scheduled_for) from campaign_run m where m.campaign_id = c.id and m.status = 'MISSED')
			    as last_missed_at,
			  last_run.fired_at as last_run_at, last_run.status as last_run_status, last_run.sent as last_run_sent,
			  last_run.failed as last_run_failed, last_run.target_count as last_run_targets
			from campaign c
			left join lateral (select r.fired_at, r.status, r.sent, r.failed, r.target_count from campaign_run r
			  where r.campaign_id = c.id
			  order by r.fired_at desc, r.id desc limit 1) last_run on true
			""";

	private final JdbcClient jdbc;

	CampaignOverviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the campaign list, newest first.
	 * @param filter what the list is narrowed to
	 * @param pageable which page, and its size
	 * @return the page, with the number of campaigns the filter matches
	 */
	Page<CampaignOverview> page(CampaignFilter filter, Pageable pageable) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		conditions.add(filter.archived() ? "c.archived_at is not null" : "c.archived_at is null");
		if (filter.status() != null) {
			conditions.add("c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.chatAppId() != null) {
			conditions.add("c.chat_app_id = :app");
			params.put("app", filter.chatAppId());
		}
		if (!filter.text().isEmpty()) {
			conditions.add("(lower(c.label) like :text escape '\\' or lower(c.draft_title) like :text escape '\\')");
			params.put("text", contains(filter.text()));
		}
		String where = " where " + String.join(" and ", conditions);
		long total = this.jdbc.sql("select count(*) from campaign c" + where).params(params).query(Long.class).single();
		List<CampaignOverview> rows = this.jdbc
			.sql(SELECT + where + " order by c.created_at desc, c.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(CampaignOverviews::overview)
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/**
	 * Campaigns in one of the statuses, newest first.
	 */
	List<CampaignOverview> inStatus(Collection<CampaignStatus> statuses) {
		return this.jdbc.sql(SELECT + " where c.status in (:statuses) order by c.created_at desc, c.id desc")
			.param("statuses", statuses.stream().map(CampaignStatus::name).toList())
			.query(CampaignOverviews::overview)
			.list();
	}

	/**
	 * Campaigns with a fire missed since an instant, the latest miss first.
	 */
	List<CampaignOverview> missedSince(Instant since) {
		return this.jdbc.sql(SELECT + """
				join (select r.campaign_id, max(r.fired_at) as missed_at from campaign_run r
				  where r.status = 'MISSED' and r.fired_at > :since group by r.campaign_id) missed
				  on missed.campaign_id = c.id
				order by missed.missed_at desc, c.id desc""")
			.param("since", Timestamp.from(since))
			.query(CampaignOverviews::overview)
			.list();
	}

	/** A case-insensitive "contains" pattern for {@code like ... escape '\'}. */
	private static String contains(String text) {
		return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static CampaignOverview overview(ResultSet rs, int row) throws SQLException {
		return new CampaignOverview(rs.getLong("id"), rs.getString("label"), rs.getLong("chat_app_id"),
				CampaignStatus.valueOf(rs.getString("status")), rs.getString("schedule_kind"),
				rs.getInt("target_count"), instant(rs, "next_fire_at"), instant(rs, "last_missed_at"),
				instant(rs, "last_run_at"), rs.getString("last_run_status"), rs.getLong("last_run_sent"),
				rs.getLong("last_run_failed"), rs.getInt("last_run_targets"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
