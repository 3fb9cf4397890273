package dev.herald.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.herald.support.CampaignFixtures;
import dev.herald.support.ApplicationTest;
import dev.herald.support.PageTimer;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A measurement, not a test (its name keeps it out of {@code mvn verify}): 5,000
 * campaigns of a year's history on one Chat app, then the campaign list and the calendar
 * timed over HTTP as a signed-in operator. Prints {@code RESULT} lines. Run with
 * {@code mvn -o test -Dtest=CampaignReadMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ApplicationTest
class CampaignReadMeasurement {

	private static final int CAMPAIGNS = 5_000;

	private static final int ACCOUNTS = 200;

	private static final int WARM_UP = 15;

	private static final int ROUNDS = 60;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private TestUsers users;

	@Test
	void listAndCalendarOverFiveThousandCampaigns() {
		CampaignFixtures.App app = this.fixtures.app("Measure", ACCOUNTS);
		long versionId = this.fixtures.approvedVersion("Measured content");
		seed(app, versionId);
		WebSession session = WebSession.signIn(this.port, this.users.create("measurer", "OPERATOR"));
		LocalDate today = LocalDate.now(ZoneId.systemDefault());
		PageTimer.time(session, "list", "/campaigns", WARM_UP, ROUNDS);
		PageTimer.time(session, "list_filtered", "/campaigns?status=COMPLETED&q=measured+1", WARM_UP, ROUNDS);
		PageTimer.time(session, "list_page_3", "/campaigns?page=2", WARM_UP, ROUNDS);
		PageTimer.time(session, "calendar_month", "/campaigns/calendar", WARM_UP, ROUNDS);
		PageTimer.time(session, "calendar_next_month", "/campaigns/calendar?date=" + today.plusMonths(1), WARM_UP,
				ROUNDS);
		PageTimer.time(session, "calendar_week", "/campaigns/calendar?view=week", WARM_UP, ROUNDS);
	}

	/**
	 * A year of campaigns: most sent and done, some scheduled over the next 60 days, a
	 * hundred recurring, the rest cancelled, missed, short of some sends, running or
	 * paused; one run each for those that fired.
	 */
	private void seed(CampaignFixtures.App app, long versionId) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		List<Long> accountIds = app.accountIds();
		this.jdbc.sql("update official_account set tags = array['north'] where chat_app_id = :app and id % 3 = 0")
			.param("app", app.id())
			.update();
		this.jdbc
			.sql("""
						insert into campaign (label, chat_app_id, draft_id, draft_version_id, draft_version_number, draft_title,
						  content_json, content_hash, target_count, schedule_kind, zone_id, fire_at, time_of_day, days_of_week,
						  cron, end_date, late_minutes, status, next_fire_at, paused_at, archived_at, created_by, created_at,
						  updated_at)
						select 'Measured ' || i, :app, v.draft_id, v.id, v.number, d.title, v.content_json, v.content_hash, 1,
						  k.kind, 'Asia/Shanghai',
						  case when k.kind in ('ONCE', 'NOW') then k.fire_at end,
						  case when k.kind in ('DAILY', 'WEEKLY') then time '09:00' + (i % 12) * interval '1 hour' end,
						  case when k.kind = 'WEEKLY' then 'MONDAY,THURSDAY' end,
						  case when k.kind = 'CRON' then '0 30 8 ? * MON-FRI' end,
						  null, 15, k.status,
						  case when k.status = 'SCHEDULED' then k.fire_at end,
						  case when k.status = 'PAUSED' then t.now end,
						  case when i % 100 = 1 and k.status = 'COMPLETED' then t.now end,
						  'operator', k.fire_at - interval '2 days', t.now
						from generate_series(1, :count) i
					cross join (select cast(:now as timestamptz) as now) t
						cross join draft_version v join draft d on d.id = v.draft_id
						cross join lateral (select
						  case when i % 50 = 7 then 'DAILY' when i % 50 = 17 then 'WEEKLY' when i % 50 = 27 then 'CRON'
						    else 'ONCE' end as kind,
						  case when i % 50 in (7, 17, 27) then 'SCHEDULED'
						    when i % 10 = 3 then 'SCHEDULED'
						    when i % 20 = 4 then 'CANCELLED'
						    when i % 20 = 5 then 'MISSED'
						    when i % 20 = 6 then 'COMPLETED_WITH_FAILURES'
						    when i % 100 = 8 then 'RUNNING'
						    when i % 100 = 9 then 'PAUSED'
						    else 'COMPLETED' end as status,
						  case when i % 10 = 3 or i % 50 in (7, 17, 27) then t.now + (i % 60) * interval '1 day' + (i % 24) * interval '1 hour'
						    else t.now - (i % 365) * interval '1 day' - (i % 24) * interval '1 hour' end as fire_at) k
						where v.id = :version
						""")
			.param("app", app.id())
			.param("version", versionId)
			.param("count", CAMPAIGNS)
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc.sql("""
				insert into campaign_target (campaign_id, position, kind, ref_id, tag)
				select c.id, 0,
				  case when c.id % 10 = 0 then 'APP' when c.id % 10 = 1 then 'TAG' else 'ACCOUNT' end,
				  case when c.id % 10 > 1 then (:accounts)[1 + c.id % :accountCount] end,
				  case when c.id % 10 = 1 then 'north' end
				from campaign c where c.chat_app_id = :app""")
			.param("app", app.id())
			.param("accounts", accountIds.toArray(Long[]::new))
			.param("accountCount", accountIds.size())
			.update();
		this.jdbc.sql("""
				insert into campaign_run (campaign_id, scheduled_for, fired_at, status, target_count, sent, failed,
				  finished_at)
				select c.id, c.fire_at, c.fire_at,
				  case when c.status = 'PAUSED' then 'RUNNING' else c.status end, 1,
				  case when c.status = 'COMPLETED' then 1 else 0 end,
				  case when c.status = 'COMPLETED_WITH_FAILURES' then 1 else 0 end,
				  case when c.status in ('RUNNING', 'PAUSED') then null else c.fire_at end
				from campaign c where c.chat_app_id = :app and c.status <> 'SCHEDULED'""")
			.param("app", app.id())
			.update();
		this.jdbc.sql("analyze").update();
	}

}
