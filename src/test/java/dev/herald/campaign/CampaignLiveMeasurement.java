package dev.herald.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * A measurement, not a test (its name keeps it out of {@code mvn verify}): a daily
 * campaign with 5,000 finished runs and one sending, then the campaign page's poll timed
 * over HTTP as a signed-in operator, beside the whole page and the dashboard's panels.
 * Prints {@code RESULT} lines. Run with
 * {@code mvn -o test -Dtest=CampaignLiveMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ApplicationTest
class CampaignLiveMeasurement {

	private static final int RUNS = 5_000;

	private static final int WARM_UP = 30;

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
	void pollOfACampaignWithFiveThousandRuns() {
		long campaign = this.fixtures.completedCampaign(this.fixtures.app("Measure live", 3).id(), "Measured live");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("""
				update campaign set schedule_kind = 'DAILY', time_of_day = time '09:00', fire_at = null,
				  status = 'RUNNING', next_fire_at = :next where id = :id""")
			.param("id", campaign)
			.param("next", Timestamp.from(now.plus(1, ChronoUnit.DAYS)))
			.update();
		this.jdbc.sql("""
				insert into campaign_run (campaign_id, scheduled_for, fired_at, status, target_count, sent, failed,
				  finished_at, audience)
				select :id, t.at, t.at, case when i % 40 = 0 then 'COMPLETED_WITH_FAILURES' else 'COMPLETED' end, 3,
				  case when i % 40 = 0 then 2 else 3 end, case when i % 40 = 0 then 1 else 0 end, t.at,
				  '[{"kind":"ACCOUNT","name":"picked","accounts":3}]'
				from generate_series(1, :runs) i
				cross join lateral (select cast(:now as timestamptz) - i * interval '1 day' as at) t""")
			.param("id", campaign)
			.param("runs", RUNS)
			.param("now", Timestamp.from(now))
			.update();
		long running = this.jdbc.sql("""
				insert into campaign_run (campaign_id, scheduled_for, fired_at, status, target_count)
				values (:id, :now, :now, 'RUNNING', 3) returning id""")
			.param("id", campaign)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		this.jdbc.sql("analyze").update();
		WebSession session = WebSession.signIn(this.port, this.users.create("live-measurer", "OPERATOR"));
		String poll = "/campaigns/" + campaign + "/live?from=" + running + "&shown=0&status=";
		Map<String, String> paths = new LinkedHashMap<>();
		paths.put("campaign_poll", poll + "RUNNING");
		paths.put("campaign_poll_status_moved", poll + "SCHEDULED");
		paths.put("campaign_page", "/campaigns/" + campaign);
		paths.put("dashboard_running", "/dashboard/running");
		paths.put("dashboard_upcoming", "/dashboard/upcoming");
		// Every path warmed up before any is timed: the first one timed pays no JIT
		// warm-up.
		for (int i = 0; i < WARM_UP; i++) {
			paths.values().forEach(session::get);
		}
		paths.forEach((name, path) -> PageTimer.time(session, name, path, 0, ROUNDS));
		this.jdbc.sql("update campaign set status = 'COMPLETED', next_fire_at = null where id = :id")
			.param("id", campaign)
			.update();
	}

}
