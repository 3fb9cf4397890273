package dev.herald.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the demo's 90 days looked like: the drafts the operator wrote and the editor
 * approved, and the campaigns sent from them, each with the way its runs went. Days count
 * back from today in the campaigns' zone.
 */
final class HistoryPlan {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String OPERATOR = "operator";

	static final String EDITOR = "editor";

	/** How far back the history reaches. */
	static final int DAYS = 90;

	/** A draft: its title and text; {@code key} names it for the campaigns. */
	record DraftSpec(String key, String title, String text, int writtenDaysAgo) {
	}

	/** What happened to a campaign beyond sending. */
	enum Twist {

		/** Sent and done. */
		NONE,
		/**
		 * The operator recalled every message of its run 25 minutes after it was sent.
		 */
		RECALLED,
		/** The operator cancelled the campaign while its run was sending. */
		CANCELLED_WHILE_SENDING,
		/** The operator cancelled it before it fired: no run. */
		CANCELLED_BEFORE_FIRING,
		/** Herald was down at one of its fires, too long for the late-fire tolerance. */
		ONE_FIRE_MISSED

	}

	/**
	 * How deliveries of a campaign's runs end, in parts of a thousand.
	 *
	 * @param failed final ErrorCodes (10010, 10016, 10017, 80001)
	 * @param retried a retryable ErrorCode first (10002, 60008), sent on the second try
	 * @param inDoubt accepted without a MsgKey, found by the history lookup
	 */
	record Outcomes(int failed, int retried, int inDoubt) {

		static final Outcomes USUAL = new Outcomes(35, 25, 15);

		static final Outcomes ROUGH = new Outcomes(150, 60, 60);

	}

	/**
	 * A past campaign.
	 *
	 * @param tag the accounts it targets, {@code null} for every account of the app
	 * @param days the weekdays of a weekly campaign, empty otherwise
	 * @param firstDayAgo its first fire, in days before today
	 * @param lastDayAgo its last fire (the same as the first for a one-off)
	 */
	record CampaignSpec(String label, String draft, @Nullable String tag, Kind kind, LocalTime time,
			Set<DayOfWeek> days, int firstDayAgo, int lastDayAgo, Outcomes outcomes, Twist twist) {

		enum Kind {

			ONCE, DAILY, WEEKLY

		}

		/** The fires between its first and last day, in time order, all before now. */
		List<Instant> fires(LocalDate today, Instant now) {
			List<Instant> fires = new ArrayList<>();
			for (int ago = this.firstDayAgo; ago >= this.lastDayAgo; ago--) {
				LocalDate day = today.minusDays(ago);
				if (this.kind == Kind.WEEKLY && !this.days.contains(day.getDayOfWeek())) {
					continue;
				}
				Instant at = day.atTime(this.time).atZone(ZONE).toInstant();
				if (at.isBefore(now)) {
					fires.add(at);
				}
			}
			return fires;
		}

		/** When the operator saved it: a few days before its first fire. */
		Instant createdAt(LocalDate today) {
			return today.minusDays(this.firstDayAgo + 3L).atTime(LocalTime.of(16, 20)).atZone(ZONE).toInstant();
		}

	}

	static final List<DraftSpec> DRAFTS = List.of(
			new DraftSpec("news", "Morning briefing", "Good morning! Today's top stories are waiting in the app.", 95),
			new DraftSpec("deals", "Deal of the day", "Today only: 20% off selected items. Tap to see today's deal.",
					95),
			new DraftSpec("weekly", "Weekend in store", "This weekend in store: new arrivals, tastings and more.", 94),
			new DraftSpec("summer", "Summer sale", "Summer sale starts now: up to 50% off until Sunday.", 80),
			new DraftSpec("opening", "New store opening", "Our new store opens on Saturday. Be among the first!", 64),
			new DraftSpec("greetings", "Holiday greetings", "Happy holidays from all of us! Thank you for being here.",
					49),
			new DraftSpec("price", "Members' prices", "Members' prices this week: everything at 5 yuan.", 34),
			new DraftSpec("autumn", "Autumn preview", "Autumn collection preview: see it first, in store and online.",
					24),
			new DraftSpec("maintenance", "Service notice",
					"Scheduled maintenance tonight from 01:00 to 03:00: the app may be unavailable.", 16),
			new DraftSpec("flash", "Flash sale", "Flash sale at noon: two hours only.", 9),
			new DraftSpec("evening", "Members' evening", "You are invited: members' evening on Thursday at 19:00.", 6),
			new DraftSpec("digest", "Weekly digest", "Your weekly digest: the best of the week in five minutes.", 4),
			new DraftSpec("anniversary", "Store anniversary",
					"Ten years of Demo Stores: celebrate with us on Saturday!", 2));

	/** In the order they were saved. */
	static final List<CampaignSpec> CAMPAIGNS = List.of(
			new CampaignSpec("Morning news", "news", "news", CampaignSpec.Kind.DAILY, LocalTime.of(8, 0), Set.of(),
					DAYS, 1, Outcomes.USUAL, Twist.NONE),
			new CampaignSpec("Deal of the day", "deals", "deals", CampaignSpec.Kind.DAILY, LocalTime.of(12, 0),
					Set.of(), DAYS, 31, Outcomes.USUAL, Twist.NONE),
			new CampaignSpec("Weekend in store", "weekly", "store", CampaignSpec.Kind.WEEKLY, LocalTime.of(18, 0),
					Set.of(DayOfWeek.FRIDAY), DAYS - 1, 2, Outcomes.USUAL, Twist.ONE_FIRE_MISSED),
			new CampaignSpec("Summer sale", "summer", null, CampaignSpec.Kind.ONCE, LocalTime.of(10, 0), Set.of(), 75,
					75, Outcomes.USUAL, Twist.NONE),
			new CampaignSpec("New store in Osaka", "opening", "region:apac", CampaignSpec.Kind.ONCE,
					LocalTime.of(11, 30), Set.of(), 60, 60, Outcomes.USUAL, Twist.NONE),
			new CampaignSpec("Holiday greetings", "greetings", null, CampaignSpec.Kind.ONCE, LocalTime.of(9, 30),
					Set.of(), 45, 45, Outcomes.USUAL, Twist.NONE),
			new CampaignSpec("Members' prices", "price", "store", CampaignSpec.Kind.ONCE, LocalTime.of(9, 0), Set.of(),
					30, 30, Outcomes.USUAL, Twist.RECALLED),
			new CampaignSpec("Autumn preview", "autumn", null, CampaignSpec.Kind.ONCE, LocalTime.of(15, 0), Set.of(),
					20, 20, Outcomes.USUAL, Twist.CANCELLED_WHILE_SENDING),
			new CampaignSpec("Service notice", "maintenance", null, CampaignSpec.Kind.ONCE, LocalTime.of(20, 0),
					Set.of(), 12, 12, Outcomes.ROUGH, Twist.NONE),
			new CampaignSpec("Flash sale", "flash", "deals", CampaignSpec.Kind.ONCE, LocalTime.of(12, 0), Set.of(), 5,
					5, Outcomes.USUAL, Twist.CANCELLED_BEFORE_FIRING),
			new CampaignSpec("Members' evening", "evening", "vip", CampaignSpec.Kind.ONCE, LocalTime.of(17, 0),
					Set.of(), 3, 3, Outcomes.USUAL, Twist.NONE));

	private HistoryPlan() {
	}

}
