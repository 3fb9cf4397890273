package dev.herald.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.herald.shared.NotFoundException;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates over the delivery tables: run and campaign reports and the dashboard's
 * charts. Every query is bounded by an index: a run's rows
 * ({@code ix_delivery_run_status}), a campaign's rows ({@code ix_delivery_campaign}) or a
 * time window ({@code ix_delivery_created_at}).
 */
@Service
class SendReports {

	/** Charts group by quarter hours in SQL and by days in the viewer's zone here. */
	private static final String BUCKET = "date_bin('15 minutes', d.created_at, timestamptz '2000-01-01 00:00:00+00')";

	private final JdbcClient jdbc;

	private final Clock clock;

	SendReports(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	RunReport run(long id) {
		List<RunReport> runs = this.jdbc.sql("""
				select r.id, r.campaign_id, c.label as campaign_label, r.campaign_run_id, r.chat_app_id,
				       a.name as app_name, r.state, r.total, r.created_at, r.finished_at, cr.audience,
				       coalesce(cr.archived_skipped, 0) as archived_skipped
				from send_run r left join chat_app a on a.id = r.chat_app_id
				left join campaign c on c.id = r.campaign_id
				left join campaign_run cr on cr.id = r.campaign_run_id where r.id = :id""")
			.param("id", id)
			.query((rs, n) -> new RunReport(rs.getLong("id"), nullableLong(rs, "campaign_id"),
					rs.getString("campaign_label"), nullableLong(rs, "campaign_run_id"), rs.getLong("chat_app_id"),
					rs.getString("app_name"), rs.getString("state"), rs.getInt("total"),
					rs.getTimestamp("created_at").toInstant(), instant(rs, "finished_at"), outcomes("run_id", id),
					timeline(id), SourceShare.parse(rs.getString("audience")), rs.getInt("archived_skipped")))
			.list();
		if (runs.isEmpty()) {
			throw new NotFoundException("run", id);
		}
		return runs.get(0);
	}

	@Transactional(readOnly = true)
	CampaignReport campaign(long id) {
		List<RunSummary> runs = this.jdbc.sql("""
				select d.run_id, min(d.campaign_run_id) as campaign_run_id, min(d.created_at) as created_at,
				       count(*) as total,
				       count(*) filter (where d.status in %s) as delivered,
				       count(*) filter (where d.status = 'FAILED') as failed,
				       count(*) filter (where d.status = 'IN_DOUBT') as in_doubt,
				       count(*) filter (where d.status = 'RECALLED') as recalled,
				       min(d.first_attempt_at) as started, max(d.last_attempt_at) as ended
				from delivery d where d.campaign_id = :id
				group by d.run_id order by min(d.created_at), d.run_id""".formatted(DeliveryStatuses.DELIVERED_SQL))
			.param("id", id)
			.query((rs, n) -> new RunSummary(rs.getLong("run_id"), nullableLong(rs, "campaign_run_id"),
					rs.getTimestamp("created_at").toInstant(), rs.getLong("total"), rs.getLong("delivered"),
					rs.getLong("failed"), rs.getLong("in_doubt"), rs.getLong("recalled"), instant(rs, "started"),
					instant(rs, "ended")))
			.list();
		if (runs.isEmpty()) {
			throw new NotFoundException("campaign", id);
		}
		String label = this.jdbc.sql("select c.label from campaign c where c.id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
		return new CampaignReport(id, label, outcomes("campaign_id", id), runs);
	}

	/**
	 * The dashboard's charts over the last days, days counted in the viewer's zone.
	 * @param days how many days, today included
	 * @param zone the viewer's zone
	 * @return the chart series
	 */
	@Transactional(readOnly = true)
	Charts charts(int days, ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate first = today.minusDays(days - 1L);
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant until = today.plusDays(1).atStartOfDay(zone).toInstant();
		Map<LocalDate, long[]> perDay = new TreeMap<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			perDay.put(day, new long[3]);
		}
		// Sends are deliveries that were sent and got an outcome: neither cancelled ones
		// (never sent) nor those still waiting count.
		this.jdbc
			.sql("""
					select %s as bucket, count(*) filter (where d.status in %s) as sends,
					       count(*) filter (where d.status in %s) as delivered,
					       count(*) filter (where d.status in %s) as decided
					from delivery d where d.created_at >= :from and d.created_at < :until
					group by 1""".formatted(BUCKET, DeliveryStatuses.DECIDED_SQL, DeliveryStatuses.DELIVERED_SQL,
					DeliveryStatuses.DECIDED_SQL))
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs) -> {
				LocalDate day = LocalDate.ofInstant(rs.getTimestamp("bucket").toInstant(), zone);
				long[] counts = perDay.get(day);
				if (counts != null) {
					counts[0] += rs.getLong("sends");
					counts[1] += rs.getLong("delivered");
					counts[2] += rs.getLong("decided");
				}
			});
		List<String> labels = new ArrayList<>();
		List<Long> sends = new ArrayList<>();
		List<Long> delivered = new ArrayList<>();
		List<@Nullable Double> rates = new ArrayList<>();
		perDay.forEach((day, counts) -> {
			labels.add(day.toString());
			sends.add(counts[0]);
			delivered.add(counts[1]);
			rates.add((counts[2] > 0) ? Math.round(1000.0 * counts[1] / counts[2]) / 10.0 : null);
		});
		List<Outcomes.CodeCount> errors = this.jdbc.sql("""
				select d.error_code, count(*) as n from delivery d
				where d.created_at >= :from and d.created_at < :until and d.error_code is not null and d.error_code <> 0
				group by d.error_code order by n desc, d.error_code limit 10""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs, n) -> new Outcomes.CodeCount(rs.getInt("error_code"), rs.getLong("n")))
			.list();
		Map<String, Long> perApp = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select coalesce(a.name, '#' || s.chat_app_id) as app, s.n from (
					  select d.chat_app_id, count(*) as n from delivery d
					  where d.created_at >= :from and d.created_at < :until and d.status in %s
					  group by d.chat_app_id) s
					left join chat_app a on a.id = s.chat_app_id order by s.n desc"""
				.formatted(DeliveryStatuses.DECIDED_SQL))
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs) -> {
				perApp.put(rs.getString("app"), rs.getLong("n"));
			});
		return new Charts(labels, sends, delivered, rates, errors, perApp);
	}

	/** The latest runs, newest first, for the reports overview. */
	@Transactional(readOnly = true)
	List<RecentRun> recentRuns(int limit) {
		return this.jdbc.sql("""
				select r.id, r.campaign_id, c.label as campaign_label, r.campaign_run_id, a.name as app_name, r.state,
				       r.total, r.created_at, r.finished_at
				from send_run r left join chat_app a on a.id = r.chat_app_id
				left join campaign c on c.id = r.campaign_id
				order by r.created_at desc, r.id desc limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> new RecentRun(rs.getLong("id"), nullableLong(rs, "campaign_id"),
					rs.getString("campaign_label"), nullableLong(rs, "campaign_run_id"), rs.getString("app_name"),
					rs.getString("state"), rs.getInt("total"), rs.getTimestamp("created_at").toInstant(),
					instant(rs, "finished_at")))
			.list();
	}

	/**
	 * Sent deliveries (see {@link #charts}) per calendar day in the zone over a window
	 * (tests and charts).
	 */
	@Transactional(readOnly = true)
	Map<LocalDate, Long> sendsPerDay(Instant from, Instant until, ZoneId zone) {
		Map<LocalDate, Long> perDay = new TreeMap<>();
		this.jdbc
			.sql("""
					select %s as bucket, count(*) as n from delivery d
					where d.created_at >= :from and d.created_at < :until and d.status in %s group by 1"""
				.formatted(BUCKET, DeliveryStatuses.DECIDED_SQL))
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs) -> {
				perDay.merge(LocalDate.ofInstant(rs.getTimestamp("bucket").toInstant(), zone), rs.getLong("n"),
						Long::sum);
			});
		return perDay;
	}

	private Outcomes outcomes(String column, long id) {
		Map<String, Long> counts = new LinkedHashMap<>();
		DeliveryStatuses.ALL.forEach((status) -> counts.put(status, 0L));
		Instant[] span = new Instant[2];
		this.jdbc
			.sql("select d.status, count(*) as n, min(d.first_attempt_at) as started, max(d.last_attempt_at) as ended"
					+ " from delivery d where d." + column + " = :id group by d.status")
			.param("id", id)
			.query((rs) -> {
				counts.put(rs.getString("status"), rs.getLong("n"));
				span[0] = earlier(span[0], instant(rs, "started"));
				span[1] = later(span[1], instant(rs, "ended"));
			});
		List<Outcomes.CodeCount> errors = codes("error_code", column, id);
		List<Outcomes.CodeCount> recalls = codes("recall_code", column, id);
		return new Outcomes(counts, errors, span[0], span[1], recalls);
	}

	private List<Outcomes.CodeCount> codes(String codeColumn, String column, long id) {
		return this.jdbc
			.sql("select d." + codeColumn + " as code, count(*) as n from delivery d where d." + column
					+ " = :id and d." + codeColumn + " is not null and d." + codeColumn
					+ " <> 0 group by 1 order by n desc, code limit 20")
			.param("id", id)
			.query((rs, n) -> new Outcomes.CodeCount(rs.getInt("code"), rs.getLong("n")))
			.list();
	}

	private List<RunReport.MinuteCount> timeline(long runId) {
		return this.jdbc.sql("""
				select date_trunc('minute', d.first_attempt_at) as minute, count(*) as sends,
				       count(*) filter (where d.status in %s) as delivered
				from delivery d where d.run_id = :id and d.first_attempt_at is not null
				group by 1 order by 1""".formatted(DeliveryStatuses.DELIVERED_SQL))
			.param("id", runId)
			.query((rs, n) -> new RunReport.MinuteCount(rs.getTimestamp("minute").toInstant(), rs.getLong("sends"),
					rs.getLong("delivered")))
			.list();
	}

	private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
		return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		return (a == null) ? b : (b == null || a.isAfter(b)) ? a : b;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * The dashboard's chart series.
	 *
	 * @param days day labels (ISO dates in the viewer's zone)
	 * @param rates delivered among decided per day, in percent, {@code null} where none
	 * @param sends deliveries sent (an outcome known or in doubt) per day
	 * @param perApp deliveries sent per Chat app name, most first
	 */
	record Charts(List<String> days, List<Long> sends, List<Long> delivered, List<@Nullable Double> rates,
			List<Outcomes.CodeCount> errors, Map<String, Long> perApp) {
	}

	/**
	 * A run in the overview's list.
	 *
	 * @param campaignLabel the campaign's label as its operator typed it (untrusted
	 * text), {@code null} for one-off sends
	 */
	record RecentRun(long id, @Nullable Long campaignId, @Nullable String campaignLabel, @Nullable Long campaignRunId,
			@Nullable String appName, String state, int total, Instant createdAt, @Nullable Instant finishedAt) {
	}

}
