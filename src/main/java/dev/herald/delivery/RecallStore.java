package dev.herald.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.herald.shared.database.TransactionLocks;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import static dev.herald.delivery.DeliverySql.HAS_MESSAGE;
import static dev.herald.delivery.DeliverySql.SENT_AT;
import static dev.herald.delivery.JdbcValues.instant;
import static dev.herald.delivery.JdbcValues.instantOrNull;
import static dev.herald.delivery.JdbcValues.ts;

/**
 * Recall in SQL: which sent messages can still be recalled, their results, and the
 * progress of recalls running in the background. Callers own the transactions.
 */
@Repository
class RecallStore {

	/** An unfinished recall not heard of for this long has lost its node. */
	static final Duration STALLED_AFTER = Duration.ofMinutes(2);

	// The first half of an advisory lock's key; the run's or campaign's id is the second.
	private static final int RUN_RECALLS = 0x48_52_52; // "HRR"

	private static final int CAMPAIGN_RECALLS = 0x48_43_52; // "HCR"

	private static final String RECALL_COLUMNS = """
			id, total, past_window, calls, recalled, failed, started_at, updated_at, finished_at""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionLocks locks;

	RecallStore(JdbcTemplate jdbc, TransactionLocks locks) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.locks = locks;
	}

	/** A sent delivery that can be recalled. */
	record Recallable(long id, long chatAppId, String officialAccount, String msgKey, Instant sentAt) {
	}

	/**
	 * The sent deliveries of some runs of one Chat app that are still within its recall
	 * period, so a recall of 10,000 deliveries never loads the expired ones.
	 * @param sentAfter the oldest send time the app's period still covers
	 */
	List<Recallable> recallable(Collection<Long> runIds, Instant sentAfter) {
		if (runIds.isEmpty()) {
			return List.of();
		}
		return this.named.query("""
				select d.id, d.chat_app_id, d.official_account, d.msg_key, %s as sent_at from delivery d
				where d.run_id in (:runs) and %s and %s > :sentAfter
				order by d.chat_app_id, d.official_account, d.id""".formatted(SENT_AT, HAS_MESSAGE, SENT_AT),
				new MapSqlParameterSource("runs", runIds).addValue("sentAfter", ts(sentAfter)), this::recallable);
	}

	Optional<Recallable> recallableDelivery(long deliveryId) {
		return this.jdbc.query("""
				select d.id, d.chat_app_id, d.official_account, d.msg_key, %s as sent_at from delivery d
				where d.id = ? and %s""".formatted(SENT_AT, HAS_MESSAGE), this::recallable, deliveryId)
			.stream()
			.findFirst();
	}

	private Recallable recallable(ResultSet rs, int n) throws SQLException {
		return new Recallable(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, "sent_at"));
	}

	/**
	 * The sent, not yet recalled messages of some runs of one Chat app, counted by
	 * whether they are still within its recall period, with the first and last send time:
	 * one aggregate, however many rows.
	 */
	record SentMessages(int recallable, int pastWindow, @Nullable Instant firstSentAt, @Nullable Instant lastSentAt) {
	}

	SentMessages sentMessages(Collection<Long> runIds, Instant sentAfter) {
		if (runIds.isEmpty()) {
			return new SentMessages(0, 0, null, null);
		}
		return Objects.requireNonNull(this.named.queryForObject(
				"""
						select count(*) filter (where s.sent_at > :sentAfter) as recallable,
						       count(*) filter (where s.sent_at <= :sentAfter) as past_window,
						       min(s.sent_at) as first_sent_at, max(s.sent_at) as last_sent_at
						from (select %s as sent_at from delivery d where d.run_id in (:runs) and %s) s"""
					.formatted(SENT_AT, HAS_MESSAGE),
				new MapSqlParameterSource("runs", runIds).addValue("sentAfter", ts(sentAfter)),
				(rs, n) -> new SentMessages(rs.getInt("recallable"), rs.getInt("past_window"),
						instantOrNull(rs, "first_sent_at"), instantOrNull(rs, "last_sent_at"))));
	}

	/** Stores one recall result per delivery; a RetCode of 0 makes it RECALLED. */
	void recordResults(List<Recallable> items, List<Integer> codes, Instant now) {
		if (items.isEmpty()) {
			return;
		}
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			indexes.add(i);
		}
		this.jdbc.batchUpdate(
				"""
						update delivery set status = ?, recall_code = ?, recalled_at = case when ? = 0 then ? else recalled_at end
						where id = ? and status in %s"""
					.formatted(DeliverySql.in(DeliveryStatus.RECALLABLE)),
				indexes, indexes.size(), (ps, i) -> {
					int code = codes.get(i);
					ps.setString(1, (code == RecallCalls.RECALLED) ? DeliveryStatus.RECALLED.name()
							: DeliveryStatus.RECALL_FAILED.name());
					ps.setInt(2, code);
					ps.setInt(3, code);
					ps.setObject(4, ts(now));
					ps.setLong(5, items.get(i).id());
				});
	}

	// ---- recalls in the background

	/**
	 * Serialises starting recalls of one run or campaign across every node, until the
	 * transaction ends: a double-click, or two operators at once, would otherwise start
	 * two recalls of the same messages.
	 */
	void lockRecallsOf(@Nullable Long runId, @Nullable Long campaignId) {
		int kind = (runId != null) ? RUN_RECALLS : CAMPAIGN_RECALLS;
		long id = (runId != null) ? runId : Objects.requireNonNull(campaignId);
		this.locks.hold(kind, id);
	}

	/**
	 * Records a recall about to start.
	 * @param runId the run recalled, or {@code null} for a campaign
	 * @param campaignId the campaign recalled, or {@code null} for a run
	 * @return its id
	 */
	long startRecall(@Nullable Long runId, @Nullable Long campaignId, int total, int pastWindow, Instant now) {
		return Objects.requireNonNull(this.jdbc.queryForObject("""
				insert into recall (run_id, campaign_id, total, past_window, started_at, updated_at)
				values (?, ?, ?, ?, ?, ?) returning id""", Long.class, runId, campaignId, total, pastWindow, ts(now),
				ts(now)));
	}

	/** Adds one call's results to a recall's totals. */
	void addProgress(long recallId, int recalled, int failed, Instant now) {
		this.jdbc.update("""
				update recall set calls = calls + 1, recalled = recalled + ?, failed = failed + ?, updated_at = ?
				where id = ?""", recalled, failed, ts(now), recallId);
	}

	void finishRecall(long recallId, Instant now) {
		this.jdbc.update("update recall set finished_at = ?, updated_at = ? where id = ? and finished_at is null",
				ts(now), ts(now), recallId);
	}

	Optional<RecallProgress> recall(long recallId, Instant now) {
		return this.jdbc
			.query("select " + RECALL_COLUMNS + " from recall where id = ?", (rs, n) -> progress(rs, now), recallId)
			.stream()
			.findFirst();
	}

	Optional<RecallProgress> latestOfRun(long runId, Instant now) {
		return this.jdbc
			.query("select " + RECALL_COLUMNS + " from recall where run_id = ? order by id desc limit 1",
					(rs, n) -> progress(rs, now), runId)
			.stream()
			.findFirst();
	}

	Optional<RecallProgress> latestOfCampaign(long campaignId, Instant now) {
		return this.jdbc
			.query("select " + RECALL_COLUMNS + " from recall where campaign_id = ? order by id desc limit 1",
					(rs, n) -> progress(rs, now), campaignId)
			.stream()
			.findFirst();
	}

	private static RecallProgress progress(ResultSet rs, Instant now) throws SQLException {
		Instant finishedAt = instantOrNull(rs, "finished_at");
		boolean stalled = finishedAt == null && instant(rs, "updated_at").plus(STALLED_AFTER).isBefore(now);
		return new RecallProgress(rs.getLong("id"), rs.getInt("total"), rs.getInt("past_window"), rs.getInt("calls"),
				rs.getInt("recalled"), rs.getInt("failed"), instant(rs, "started_at"), finishedAt, stalled);
	}

}
