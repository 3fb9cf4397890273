package dev.herald.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.herald.draft.ApprovedVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo history's rows, gathered in memory and written with one statement per table:
 * the campaign tables as the campaign module writes them, the run, delivery and attempt
 * tables as the delivery engine does, the OA windows those sends leave behind, and the
 * audit lines of every step.
 */
final class HistoryTables {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Columns campaigns = new Columns("bigint", "text", "bigint", "bigint", "bigint", "int4", "text",
			"text", "text", "int4", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text");

	private final Columns targets = new Columns("bigint", "text", "text");

	private final Columns campaignRuns = new Columns("bigint", "bigint", "text", "text", "text", "bigint", "int4",
			"bigint", "bigint", "text", "text");

	private final Columns sendRuns = new Columns("bigint", "bigint", "bigint", "bigint", "text", "text", "int4", "text",
			"text");

	private final Columns deliveries = new Columns("bigint", "bigint", "bigint", "bigint", "bigint", "text", "bigint",
			"text", "int4", "bool", "text", "text", "int4", "text", "int4", "text", "bigint", "text", "int4", "text",
			"text");

	private final Columns attempts = new Columns("bigint", "int4", "text", "text", "text", "text", "int4", "int4",
			"text", "text");

	private final Columns audit = new Columns("text", "text", "text", "text", "text", "text", "text");

	/** Per official account, when it got a broadcast. */
	private final Map<String, List<Instant>> broadcasts = new TreeMap<>();

	HistoryTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes {@code count} ids of a table's identity column at once.
	 * @return the first; the others follow it
	 */
	long ids(String table, int count) {
		if (count == 0) {
			return 0;
		}
		Long last = this.jdbc
			.sql("select setval(pg_get_serial_sequence(?, 'id'), nextval(pg_get_serial_sequence(?, 'id')) + ? - 1)")
			.params(table, table, count)
			.query(Long.class)
			.single();
		return last - count + 1;
	}

	/**
	 * A campaign row; {@code schedule} holds fire_at, time_of_day, days_of_week,
	 * end_date.
	 */
	void campaign(long id, String label, long chatAppId, ApprovedVersion version, int targetCount, String kind,
			@Nullable Instant fireAt, @Nullable LocalTime timeOfDay, @Nullable String days, @Nullable LocalDate endDate,
			String status, Instant createdAt, Instant updatedAt, String tagOrApp) {
		this.campaigns.add(id, label, chatAppId, version.draftId(), version.versionId(), version.number(),
				version.title(), version.contentJson(), version.contentHash(), targetCount, kind,
				HistoryPlan.ZONE.getId(), fireAt, timeOfDay, days, endDate, status, HistoryPlan.OPERATOR, createdAt,
				updatedAt);
		this.targets.add(id, (tagOrApp.isEmpty()) ? "APP" : "TAG", tagOrApp.isEmpty() ? null : tagOrApp);
	}

	void campaignRun(long id, long campaignId, Instant scheduledFor, Instant firedAt, String status,
			@Nullable Long deliveryRunId, int targetCount, long sent, long failed, @Nullable Instant finishedAt,
			@Nullable String audience) {
		this.campaignRuns.add(id, campaignId, scheduledFor, firedAt, status, deliveryRunId, targetCount, sent, failed,
				finishedAt, audience);
	}

	void sendRun(long id, long chatAppId, long campaignId, long campaignRunId, String contentJson, String state,
			PastRun run) {
		this.sendRuns.add(id, chatAppId, campaignId, campaignRunId, contentJson, state, run.deliveries().size(),
				run.createdAt(), run.finishedAt());
		for (PastRun.Delivery d : run.deliveries()) {
			this.deliveries.add(d.id(), id, chatAppId, campaignId, campaignRunId, d.account(), d.random(), d.status(),
					d.attempts(), d.maybeSent(), d.firstAttemptAt(), d.lastAttemptAt(), d.httpStatus(),
					d.actionStatus(), d.errorCode(), d.errorInfo(), d.msgTime(), d.msgKey(), d.recallCode(),
					d.recalledAt(), run.createdAt());
			if (d.sent()) {
				this.broadcasts.computeIfAbsent(d.account(), (account) -> new ArrayList<>()).add(d.lastAttemptAt());
			}
		}
		for (PastRun.Attempt a : run.attempts()) {
			this.attempts.add(a.deliveryId(), a.attempt(), a.kind(), a.startedAt(), a.finishedAt(), a.outcome(),
					a.httpStatus(), a.errorCode(), a.errorInfo(), a.msgKey());
		}
	}

	void audit(Instant at, String actor, String action, String objectType, Object objectId,
			@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
		this.audit.add(at, actor, action, objectType, String.valueOf(objectId),
				(before != null) ? JSON.writeValueAsString(before) : null,
				(after != null) ? JSON.writeValueAsString(after) : null);
	}

	int deliveryCount() {
		return this.deliveries.size();
	}

	int runCount() {
		return this.sendRuns.size();
	}

	void write(long chatAppId) {
		this.campaigns.insert(this.jdbc, """
				insert into campaign (id, label, chat_app_id, draft_id, draft_version_id, draft_version_number,
				                      draft_title, content_json, content_hash, target_count, schedule_kind, zone_id,
				                      fire_at, time_of_day, days_of_week, end_date, late_minutes, status, created_by,
				                      created_at, updated_at)
				select u.id, u.label, u.app, u.draft, u.version, u.number, u.title, u.content, u.hash, u.targets,
				       u.kind, u.zone, u.fire_at::timestamptz, u.time_of_day::time, u.days, u.end_date::date, 15,
				       u.status, u.created_by, u.created_at::timestamptz, u.updated_at::timestamptz
				from unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::text[],
				            ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				  as u(id, label, app, draft, version, number, title, content, hash, targets, kind, zone, fire_at,
				       time_of_day, days, end_date, status, created_by, created_at, updated_at)""");
		this.targets.insert(this.jdbc,
				"""
						insert into campaign_target (campaign_id, position, kind, tag)
						select u.campaign, 0, u.kind, u.tag from unnest(?::bigint[], ?::text[], ?::text[]) as u(campaign, kind, tag)""");
		this.campaignRuns.insert(this.jdbc,
				"""
						insert into campaign_run (id, campaign_id, scheduled_for, fired_at, status, delivery_run_id, target_count,
						                          sent, failed, finished_at, audience)
						select u.id, u.campaign, u.scheduled_for::timestamptz, u.fired_at::timestamptz, u.status, u.run,
						       u.targets, u.sent, u.failed, u.finished_at::timestamptz, u.audience
						from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[],
						            ?::bigint[], ?::bigint[], ?::text[], ?::text[])
						  as u(id, campaign, scheduled_for, fired_at, status, run, targets, sent, failed, finished_at, audience)""");
		this.sendRuns.insert(this.jdbc, """
				insert into send_run (id, chat_app_id, campaign_id, campaign_run_id, content_json, state, total,
				                      created_at, state_changed_at, finished_at)
				select u.id, u.app, u.campaign, u.campaign_run, u.content, u.state, u.total, u.created_at::timestamptz,
				       u.finished_at::timestamptz, u.finished_at::timestamptz
				from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[],
				            ?::text[], ?::text[])
				  as u(id, app, campaign, campaign_run, content, state, total, created_at, finished_at)""");
		this.deliveries.insert(this.jdbc, """
				insert into delivery (id, run_id, chat_app_id, campaign_id, campaign_run_id, official_account, random,
				                      status, attempts, maybe_sent, window_counted, first_attempt_at, last_attempt_at,
				                      http_status, action_status, error_code, error_info, msg_time, msg_key,
				                      recall_code, recalled_at, created_at)
				select u.id, u.run, u.app, u.campaign, u.campaign_run, u.oa, u.random, u.status, u.attempts,
				       u.maybe_sent, u.maybe_sent, u.first_at::timestamptz, u.last_at::timestamptz, u.http, u.action,
				       u.code, u.info, u.msg_time, u.msg_key, u.recall_code, u.recalled_at::timestamptz,
				       u.created_at::timestamptz
				from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[],
				            ?::text[], ?::int[], ?::boolean[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[],
				            ?::text[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[])
				  as u(id, run, app, campaign, campaign_run, oa, random, status, attempts, maybe_sent, first_at,
				       last_at, http, action, code, info, msg_time, msg_key, recall_code, recalled_at, created_at)""");
		this.attempts.insert(this.jdbc, """
				insert into delivery_attempt (delivery_id, attempt, kind, node, started_at, finished_at, outcome,
				                              http_status, error_code, error_info, msg_key)
				select u.delivery, u.attempt, u.kind, '%s', u.started_at::timestamptz, u.finished_at::timestamptz,
				       u.outcome, u.http, u.code, u.info, u.msg_key
				from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[],
				            ?::text[], ?::text[]) with ordinality
				  as u(delivery, attempt, kind, started_at, finished_at, outcome, http, code, info, msg_key, n)
				order by u.n""".formatted(PastRun.NODE));
		windows(chatAppId).insert(this.jdbc,
				"""
						insert into oa_window (chat_app_id, official_account, next_allowed_at, last_broadcast_at, prev_broadcast_at)
						select u.app, u.oa, u.next_at::timestamptz, u.last_at::timestamptz, u.prev_at::timestamptz
						from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(app, oa, next_at, last_at, prev_at)
						on conflict (chat_app_id, official_account) do nothing""");
		this.audit.insert(this.jdbc, """
				insert into audit_event (occurred_at, actor, action, object_type, object_id, before_state, after_state)
				select u.at::timestamptz, u.actor, u.action, u.type, u.id, u.before::jsonb, u.after::jsonb
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
				  as u(at, actor, action, type, id, before, after, n)
				order by u.at::timestamptz, u.n""");
	}

	/**
	 * Each account's window as the engine leaves it: its last two broadcasts, and open a
	 * second after the last one and an hour after the one before.
	 */
	private Columns windows(long chatAppId) {
		Columns windows = new Columns("bigint", "text", "text", "text", "text");
		this.broadcasts.forEach((account, times) -> {
			List<Instant> sorted = times.stream().sorted().toList();
			Instant last = sorted.get(sorted.size() - 1);
			Instant previous = (sorted.size() > 1) ? sorted.get(sorted.size() - 2) : null;
			Instant next = last.plus(Duration.ofMillis(1050));
			if (previous != null && previous.plus(Duration.ofHours(1)).plusSeconds(1).isAfter(next)) {
				next = previous.plus(Duration.ofHours(1)).plusSeconds(1);
			}
			windows.add(chatAppId, account, next, last, previous);
		});
		return windows;
	}

}
