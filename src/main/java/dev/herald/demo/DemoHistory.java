package dev.herald.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.herald.campaign.DemoCampaigns;
import dev.herald.chatapp.ChatAppView;
import dev.herald.draft.ApprovedVersion;
import dev.herald.draft.DemoDrafts;
import dev.herald.demo.HistoryPlan.DraftSpec;
import dev.herald.officialaccount.Audiences;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode's history, created once: the {@link HistoryPlan}'s 90 days of drafts,
 * campaigns, runs and deliveries on the Demo app, with their audit lines, so the
 * dashboard, reports and audit log have something to show on the first start; and two
 * upcoming campaigns, scheduled as an operator would, for the calendar. Drafts and
 * upcoming campaigns go through their modules; the past is written in the tables the
 * campaign module and the delivery engine write, in one statement per table. The marker:
 * an app that has campaigns already has its history (or its own).
 */
@Component
class DemoHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final JdbcClient jdbc;

	private final DemoAccounts accounts;

	private final DemoDrafts drafts;

	private final DemoCampaigns campaigns;

	private final Audiences audiences;

	private final Clock clock;

	DemoHistory(JdbcClient jdbc, DemoAccounts accounts, DemoDrafts drafts, DemoCampaigns campaigns, Audiences audiences,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.drafts = drafts;
		this.campaigns = campaigns;
		this.audiences = audiences;
		this.clock = clock;
	}

	/**
	 * Creates the history on the app unless it has campaigns.
	 * @return whether it did
	 */
	@Transactional
	boolean createOnce(ChatAppView app) {
		if (hasCampaigns(app.id())) {
			return false;
		}
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, HistoryPlan.ZONE);
		this.accounts.write(app.id(), startOfDay(today.minusDays(HistoryPlan.DAYS + 10L)), now);
		HistoryTables tables = new HistoryTables(this.jdbc);
		Map<String, ApprovedVersion> versions = approvedDrafts(today, tables);
		new PastCampaigns(this.audiences, app, today, now, versions, tables).write();
		tables.write(app.id());
		scheduleUpcoming(app, today, versions);
		log.info("Demo mode: created {} days of history on the app '{}': {} campaigns, {} runs, {} deliveries in {} ms",
				HistoryPlan.DAYS, app.name(), HistoryPlan.CAMPAIGNS.size() + 2, tables.runCount(),
				tables.deliveryCount(), Duration.ofNanos(System.nanoTime() - started).toMillis());
		return true;
	}

	private boolean hasCampaigns(long chatAppId) {
		return this.jdbc.sql("select exists (select 1 from campaign where chat_app_id = ?)")
			.param(chatAppId)
			.query(Boolean.class)
			.single();
	}

	private Map<String, ApprovedVersion> approvedDrafts(LocalDate today, HistoryTables tables) {
		Map<String, ApprovedVersion> versions = new HashMap<>();
		for (DraftSpec spec : HistoryPlan.DRAFTS) {
			Instant written = today.minusDays(spec.writtenDaysAgo())
				.atTime(LocalTime.of(10, 15))
				.atZone(HistoryPlan.ZONE)
				.toInstant();
			Instant approvedAt = written.plus(Duration.ofMinutes(200));
			OfficialAccountMessage content = new OfficialAccountMessage(null, 0,
					List.of(new MsgElement.TextElem(spec.text())), null, null, null, null, null);
			ApprovedVersion version = this.drafts.approved(spec.title(), content, HistoryPlan.OPERATOR, written,
					HistoryPlan.EDITOR, approvedAt);
			versions.put(spec.key(), version);
			tables.audit(written, HistoryPlan.OPERATOR, "draft.created", "draft", version.draftId(), null,
					Map.of("title", spec.title(), "version", 1, "contentHash", version.contentHash()));
			tables.audit(written.plus(Duration.ofMinutes(10)), HistoryPlan.OPERATOR, "draft.submitted", "draft",
					version.draftId(), null, Map.of("version", 1));
			tables.audit(approvedAt, HistoryPlan.EDITOR, "draft.approved", "draft", version.draftId(), null,
					Map.of("version", 1, "contentHash", version.contentHash()));
		}
		return versions;
	}

	/** Two campaigns ahead, through the campaign module: real Quartz triggers. */
	private void scheduleUpcoming(ChatAppView app, LocalDate today, Map<String, ApprovedVersion> versions) {
		this.campaigns.weekly(HistoryPlan.OPERATOR, "Weekly digest", app.id(), versions.get("digest").versionId(),
				"news", Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0), HistoryPlan.ZONE);
		this.campaigns.once(HistoryPlan.OPERATOR, "Store anniversary", app.id(),
				versions.get("anniversary").versionId(), "store",
				today.plusDays(5).atTime(12, 0).atZone(HistoryPlan.ZONE).toInstant(), HistoryPlan.ZONE);
	}

	private static Instant startOfDay(LocalDate day) {
		return day.atStartOfDay(HistoryPlan.ZONE).toInstant();
	}

}
