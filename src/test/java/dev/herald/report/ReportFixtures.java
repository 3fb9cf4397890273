package dev.herald.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivery rows for report tests, inserted with SQL into the delivery module's tables:
 * each test gets its own Chat app, so filters by app keep tests apart. Runs are FINISHED
 * and rows final, so no dispatcher ever claims them. A bean of the application test
 * context (the application's component scan finds it on the test class path).
 */
@Component
final class ReportFixtures {

	private final JdbcClient jdbc;

	ReportFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A Chat app of its own (not on the simulator, never called). */
	long app(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		long sdkAppId = 1_400_000_000L + ThreadLocalRandom.current().nextLong(1, 500_000_000L);
		return this.jdbc
			.sql("""
					insert into chat_app (name, sdk_app_id, endpoint, admin_identifier, secret_key_cipher, created_at, updated_at)
					values (:name, :sdk, 'SINGAPORE', 'administrator', 'not-a-real-cipher', now(), now()) returning id""")
			.param("name", name)
			.param("sdk", sdkAppId)
			.query(Long.class)
			.single();
	}

	long run(long app, @Nullable Long campaign, @Nullable Long campaignRun, Instant createdAt) {
		return this.jdbc
			.sql("""
					insert into send_run (chat_app_id, campaign_id, campaign_run_id, content_json, state, total, created_at,
					                      state_changed_at, finished_at)
					values (:app, :campaign, :campaignRun, '{}', 'FINISHED', 0, :createdAt, :createdAt, :createdAt) returning id""")
			.param("app", app)
			.param("campaign", campaign)
			.param("campaignRun", campaignRun)
			.param("createdAt", Timestamp.from(createdAt))
			.query(Long.class)
			.single();
	}

	Row row(long run, long app, String account, Instant createdAt) {
		return new Row(run, app, account, createdAt);
	}

	/** A delivery row to insert, built up step by step. */
	final class Row {

		private final long run;

		private final long app;

		private final String account;

		private final Instant createdAt;

		private @Nullable Long campaign;

		private String status = "SENT";

		private int attempts = 1;

		private @Nullable Instant firstAttempt;

		private @Nullable Instant lastAttempt;

		private @Nullable Integer errorCode = 0;

		private @Nullable String errorInfo;

		private @Nullable String msgKey;

		private @Nullable Integer recallCode;

		private @Nullable Instant recalledAt;

		Row(long run, long app, String account, Instant createdAt) {
			this.run = run;
			this.app = app;
			this.account = account;
			this.createdAt = createdAt;
			this.firstAttempt = createdAt;
			this.lastAttempt = createdAt;
			this.msgKey = "key-" + UUID.randomUUID();
		}

		Row campaign(long campaign) {
			this.campaign = campaign;
			return this;
		}

		Row failed(int code, String info) {
			this.status = "FAILED";
			this.errorCode = code;
			this.errorInfo = info;
			this.msgKey = null;
			return this;
		}

		Row status(String status) {
			this.status = status;
			return this;
		}

		Row msgKey(@Nullable String msgKey) {
			this.msgKey = msgKey;
			return this;
		}

		Row attempts(int attempts, Instant first, Instant last) {
			this.attempts = attempts;
			this.firstAttempt = first;
			this.lastAttempt = last;
			return this;
		}

		Row recalled(int code, @Nullable Instant at) {
			this.status = (code == 0) ? "RECALLED" : "RECALL_FAILED";
			this.recallCode = code;
			this.recalledAt = at;
			return this;
		}

		long insert() {
			return ReportFixtures.this.jdbc
				.sql("""
						insert into delivery (run_id, chat_app_id, campaign_id, campaign_run_id, official_account, random, status,
						  attempts, first_attempt_at, last_attempt_at, http_status, action_status, error_code, error_info,
						  msg_time, msg_key, recall_code, recalled_at, created_at)
						values (:run, :app, :campaign, null, :account, :random, :status, :attempts, :first, :last, 200,
						  :actionStatus, :errorCode, :errorInfo, :msgTime, :msgKey, :recallCode, :recalledAt, :createdAt)
						returning id""")
				.param("run", this.run)
				.param("app", this.app)
				.param("campaign", this.campaign)
				.param("account", this.account)
				.param("random", ThreadLocalRandom.current().nextLong(0, 4_294_967_296L))
				.param("status", this.status)
				.param("attempts", this.attempts)
				.param("first", timestamp(this.firstAttempt))
				.param("last", timestamp(this.lastAttempt))
				.param("actionStatus", "FAILED".equals(this.status) ? "FAIL" : "OK")
				.param("errorCode", this.errorCode)
				.param("errorInfo", this.errorInfo)
				.param("msgTime",
						(this.msgKey != null && this.lastAttempt != null) ? this.lastAttempt.getEpochSecond() : null)
				.param("msgKey", this.msgKey)
				.param("recallCode", this.recallCode)
				.param("recalledAt", timestamp(this.recalledAt))
				.param("createdAt", Timestamp.from(this.createdAt))
				.query(Long.class)
				.single();
		}

		private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
			return (instant != null) ? Timestamp.from(instant) : null;
		}

	}

}
