package dev.herald.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import dev.herald.chatapp.ChatAppView;
import dev.herald.demo.HistoryPlan.CampaignSpec;
import dev.herald.demo.HistoryPlan.Twist;
import dev.herald.draft.ApprovedVersion;
import dev.herald.officialaccount.AudienceSource;
import dev.herald.officialaccount.Audiences;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history's past campaigns as {@link HistoryTables} rows: for each one of the
 * {@link HistoryPlan}, the campaign, its targets, a campaign run and a delivery run per
 * fire with its deliveries (a {@link PastRun}), and the audit lines of its life, with the
 * ids of each table taken at once. The audience of a run is resolved as the campaign
 * module resolves it when a run fires.
 */
final class PastCampaigns {

	/** The same history on every machine. */
	private static final long SEED = 14;

	private static final String SYSTEM = "system";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Audiences audiences;

	private final ChatAppView app;

	private final LocalDate today;

	private final Instant now;

	private final Map<String, ApprovedVersion> versions;

	private final HistoryTables tables;

	private final Random random = new Random(SEED);

	private final Map<String, List<String>> members = new HashMap<>();

	private long campaignRunId;

	private long sendRunId;

	private long deliveryId;

	private long msgSeq = 880_000;

	PastCampaigns(Audiences audiences, ChatAppView app, LocalDate today, Instant now,
			Map<String, ApprovedVersion> versions, HistoryTables tables) {
		this.audiences = audiences;
		this.app = app;
		this.today = today;
		this.now = now;
		this.versions = versions;
		this.tables = tables;
	}

	void write() {
		List<Campaign> campaigns = new ArrayList<>();
		List<Fire> fires = new ArrayList<>();
		int deliveries = 0;
		for (CampaignSpec spec : HistoryPlan.CAMPAIGNS) {
			Campaign campaign = new Campaign(spec, this.versions.get(spec.draft()), members(spec.tag()),
					spec.fires(this.today, this.now), spec.createdAt(this.today));
			campaigns.add(campaign);
			if (spec.twist() == Twist.CANCELLED_BEFORE_FIRING) {
				continue;
			}
			for (int i = 0; i < campaign.fires.size(); i++) {
				boolean missed = spec.twist() == Twist.ONE_FIRE_MISSED && i == campaign.fires.size() / 2;
				fires.add(new Fire(campaign, campaign.fires.get(i), i == campaign.fires.size() - 1, missed));
				deliveries += missed ? 0 : campaign.targets.size();
			}
		}
		// Ids in the order the campaigns were saved and the runs fired, as the engine
		// numbers them.
		campaigns.sort(Comparator.comparing((Campaign campaign) -> campaign.created));
		fires.sort(Comparator.comparing(Fire::at));
		long campaignId = this.tables.ids("campaign", campaigns.size());
		this.campaignRunId = this.tables.ids("campaign_run", fires.size());
		this.sendRunId = this.tables.ids("send_run", (int) fires.stream().filter((fire) -> !fire.missed()).count());
		this.deliveryId = this.tables.ids("delivery", deliveries);
		for (Campaign campaign : campaigns) {
			campaign.id = campaignId++;
			saved(campaign);
		}
		for (Fire fire : fires) {
			if (fire.missed()) {
				missed(fire.campaign(), fire.at());
			}
			else {
				run(fire.campaign(), fire.at(), fire.last());
			}
		}
		campaigns.forEach(this::campaignRow);
	}

	/** A past campaign as it goes through its fires. */
	private static final class Campaign {

		private final CampaignSpec spec;

		private final ApprovedVersion version;

		private final List<String> targets;

		private final List<Instant> fires;

		private final Instant created;

		private long id;

		private Instant updated;

		private boolean shortfall;

		Campaign(CampaignSpec spec, ApprovedVersion version, List<String> targets, List<Instant> fires,
				Instant created) {
			this.spec = spec;
			this.version = version;
			this.targets = targets;
			this.fires = fires;
			this.created = created;
			this.updated = created;
		}

	}

	/** One fire of a campaign; the last one decides its final status. */
	private record Fire(Campaign campaign, Instant at, boolean last, boolean missed) {
	}

	private void saved(Campaign campaign) {
		CampaignSpec spec = campaign.spec;
		ApprovedVersion version = campaign.version;
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("label", spec.label());
		after.put("chatAppId", this.app.id());
		after.put("draftId", version.draftId());
		after.put("versionId", version.versionId());
		after.put("contentHash", version.contentHash());
		after.put("sources", List.of((spec.tag() != null) ? "TAG:" + spec.tag() : "APP"));
		after.put("targets", campaign.targets.size());
		this.tables.audit(campaign.created, HistoryPlan.OPERATOR, "campaign.created", "campaign", campaign.id, null,
				after);
		this.tables.audit(campaign.created, HistoryPlan.OPERATOR, "campaign.scheduled", "campaign", campaign.id, null,
				schedule(spec, campaign.fires));
		if (spec.twist() == Twist.CANCELLED_BEFORE_FIRING) {
			campaign.updated = campaign.created.plus(Duration.ofDays(2));
			this.tables.audit(campaign.updated, HistoryPlan.OPERATOR, "campaign.cancelled", "campaign", campaign.id,
					Map.of("status", "SCHEDULED"), Map.of("status", "CANCELLED"));
		}
	}

	private void campaignRow(Campaign campaign) {
		CampaignSpec spec = campaign.spec;
		String status = (spec.twist() == Twist.CANCELLED_BEFORE_FIRING || spec.twist() == Twist.CANCELLED_WHILE_SENDING)
				? "CANCELLED" : campaign.shortfall ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
		boolean recurring = spec.kind() != CampaignSpec.Kind.ONCE;
		Instant lastFire = campaign.fires.get(campaign.fires.size() - 1);
		this.tables.campaign(campaign.id, spec.label(), this.app.id(), campaign.version, campaign.targets.size(),
				spec.kind().name(), recurring ? null : campaign.fires.get(0), recurring ? spec.time() : null,
				days(spec), recurring ? LocalDate.ofInstant(lastFire, HistoryPlan.ZONE) : null, status,
				campaign.created, campaign.updated, (spec.tag() != null) ? spec.tag() : "");
	}

	private void run(Campaign campaign, Instant fire, boolean last) {
		CampaignSpec spec = campaign.spec;
		long campaignId = campaign.id;
		List<String> targets = campaign.targets;
		long crId = this.campaignRunId++;
		long runId = this.sendRunId++;
		boolean cancelled = spec.twist() == Twist.CANCELLED_WHILE_SENDING;
		Instant firedAt = fire.plusMillis(300 + this.random.nextInt(900));
		// A cancelled run was a slow one: the app's limit was low that day.
		Duration spacing = cancelled ? Duration.ofSeconds(2) : PastRun.CALL_SPACING;
		PastRun run = new PastRun(targets, firedAt.plusMillis(60), spacing, spec.outcomes(), this.deliveryId,
				cancelled ? targets.size() * 2 / 5 : targets.size(), this.msgSeq, this.random);
		this.deliveryId += targets.size();
		this.msgSeq += targets.size() + this.random.nextInt(5_000);
		Map<String, Object> fired = new LinkedHashMap<>();
		fired.put("scheduledFor", fire.toString());
		fired.put("lateSeconds", Duration.between(fire, firedAt).toSeconds());
		fired.put("run", crId);
		fired.put("targets", targets.size());
		fired.put("archivedSkipped", 0);
		fired.put("deliveryRun", runId);
		this.tables.audit(firedAt, SYSTEM, "campaign.fired", "campaign", campaignId, null, fired);
		this.tables.audit(run.createdAt(), SYSTEM, "run.started", "run", runId, null,
				Map.of("chatAppId", this.app.id(), "deliveries", targets.size(), "campaignId", campaignId));
		Instant end = run.finishedAt();
		if (cancelled) {
			Instant cancelAt = end.minusMillis(150);
			this.tables.audit(cancelAt, HistoryPlan.OPERATOR, "campaign.cancelled", "campaign", campaignId,
					Map.of("status", "RUNNING"), Map.of("status", "CANCELLED"));
			this.tables.audit(cancelAt, HistoryPlan.OPERATOR, "run.cancelled", "run", runId, Map.of("state", "RUNNING"),
					Map.of("state", "CANCELLED", "cancelled", run.cancelled()));
		}
		String status = cancelled ? "CANCELLED" : (run.failed() > 0) ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
		campaign.shortfall |= !"COMPLETED".equals(status);
		String campaignStatus = cancelled ? "CANCELLED"
				: !last ? "SCHEDULED" : campaign.shortfall ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
		Map<String, Object> finished = new LinkedHashMap<>();
		finished.put("run", crId);
		finished.put("status", status);
		finished.put("sent", run.sent());
		finished.put("failed", run.failed());
		finished.put("campaignStatus", campaignStatus);
		this.tables.audit(end, SYSTEM, "campaign.runFinished", "campaign", campaignId,
				Map.of("campaignStatus", cancelled ? "CANCELLED" : "RUNNING"), finished);
		if (spec.twist() == Twist.RECALLED) {
			end = end.plus(Duration.ofMinutes(25));
			recall(run, campaignId, end);
		}
		this.tables.campaignRun(crId, campaignId, fire, firedAt, status, runId, targets.size(), run.sent(),
				run.failed(), run.finishedAt(), audience(spec.tag(), targets.size()));
		this.tables.sendRun(runId, this.app.id(), campaignId, crId, campaign.version.contentJson(),
				cancelled ? "CANCELLED" : "FINISHED", run);
		campaign.updated = end;
	}

	private void recall(PastRun run, long campaignId, Instant at) {
		run.recall(at, this.random);
		long recalled = run.deliveries().stream().filter((d) -> "RECALLED".equals(d.status())).count();
		long failed = run.deliveries().stream().filter((d) -> "RECALL_FAILED".equals(d.status())).count();
		// One recall call per official account (at most 10 keys each).
		this.tables.audit(at, HistoryPlan.OPERATOR, "campaign.recalled", "campaign", campaignId, null,
				Map.of("calls", recalled + failed, "recalled", recalled, "failed", failed, "pastWindow", 0));
	}

	/**
	 * Herald was down at the fire and came back two hours later, past the tolerance.
	 */
	private void missed(Campaign campaign, Instant fire) {
		long campaignId = campaign.id;
		long crId = this.campaignRunId++;
		Instant back = fire.plus(Duration.ofHours(2));
		campaign.shortfall = true;
		this.tables.campaignRun(crId, campaignId, fire, back, "MISSED", null, campaign.targets.size(), 0, 0, back,
				null);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("scheduledFor", fire.toString());
		details.put("lateSeconds", Duration.between(fire, back).toSeconds());
		details.put("run", crId);
		details.put("lateMinutesAllowed", 15);
		this.tables.audit(back, SYSTEM, "campaign.missed", "campaign", campaignId, null, details);
	}

	private List<String> members(@Nullable String tag) {
		return this.members.computeIfAbsent((tag != null) ? tag : "", (key) -> this.audiences.members(this.app.id(),
				List.of(key.isEmpty() ? AudienceSource.wholeApp() : AudienceSource.tagged(key))));
	}

	private static Map<String, Object> schedule(CampaignSpec spec, List<Instant> fires) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("kind", spec.kind().name());
		map.put("zone", HistoryPlan.ZONE.getId());
		if (spec.kind() == CampaignSpec.Kind.ONCE) {
			map.put("fireAt", fires.get(0).toString());
		}
		else {
			String days = (spec.kind() == CampaignSpec.Kind.WEEKLY) ? spec.days()
				.stream()
				.map((day) -> day.name().substring(0, 3))
				.sorted()
				.collect(Collectors.joining(",")) : "*";
			map.put("cron", "0 %d %d ? * %s".formatted(spec.time().getMinute(), spec.time().getHour(), days));
			map.put("endDate", LocalDate.ofInstant(fires.get(fires.size() - 1), HistoryPlan.ZONE).toString());
		}
		map.put("lateMinutes", 15);
		return map;
	}

	private static @Nullable String days(CampaignSpec spec) {
		return spec.days().isEmpty() ? null
				: spec.days().stream().map(DayOfWeek::name).sorted().collect(Collectors.joining(","));
	}

	/** How the run's audience came together, as the campaign module keeps it. */
	private static String audience(@Nullable String tag, int accounts) {
		Map<String, Object> share = new LinkedHashMap<>();
		share.put("kind", (tag != null) ? "TAG" : "APP");
		share.put("name", (tag != null) ? tag : "");
		share.put("accounts", accounts);
		return JSON.writeValueAsString(List.of(share));
	}

}
