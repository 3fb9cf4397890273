package dev.herald.dashboard;

import java.time.Clock;
import java.time.Duration;

import dev.herald.campaign.Campaigns;
import dev.herald.chatapp.CallbackJournal;
import dev.herald.delivery.DecisionQueue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private static final int UPCOMING = 8;

	// Runs with deliveries waiting for an operator, listed by link (the newest first).
	private static final int AWAITING_RUNS = 10;

	// Tencent's rate warnings stay on the dashboard this long.
	private static final Duration RATE_ALERTS = Duration.ofHours(24);

	private final Campaigns campaigns;

	private final CallbackJournal callbacks;

	private final DecisionQueue decisions;

	private final Clock clock;

	DashboardController(Campaigns campaigns, CallbackJournal callbacks, DecisionQueue decisions, Clock clock) {
		this.campaigns = campaigns;
		this.callbacks = callbacks;
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("running", this.campaigns.running());
		model.addAttribute("upcoming", this.campaigns.upcoming(UPCOMING));
		model.addAttribute("missed", this.campaigns.recentlyMissed());
		model.addAttribute("rateAlerts", this.callbacks.rateAlertsSince(this.clock.instant().minus(RATE_ALERTS)));
		model.addAttribute("awaitingDecisions", this.decisions.awaiting(AWAITING_RUNS));
		return "dashboard/index";
	}

	/** The running panel, refreshed by the dashboard every few seconds. */
	@GetMapping("/dashboard/running")
	String running(Model model) {
		model.addAttribute("running", this.campaigns.running());
		return "dashboard/index :: running";
	}

	/** The upcoming panel, refreshed by the dashboard every few seconds. */
	@GetMapping("/dashboard/upcoming")
	String upcoming(Model model) {
		model.addAttribute("upcoming", this.campaigns.upcoming(UPCOMING));
		return "dashboard/index :: upcoming";
	}

}
