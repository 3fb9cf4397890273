package dev.herald.dashboard;

import java.time.Clock;
import java.time.Duration;

import dev.herald.campaign.Campaigns;
import dev.herald.chatapp.CallbackJournal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private static final int UPCOMING = 8;

	// Tencent's rate warnings stay on the dashboard this long.
	private static final Duration RATE_ALERTS = Duration.ofHours(24);

	private final Campaigns campaigns;

	private final CallbackJournal callbacks;

	private final Clock clock;

	DashboardController(Campaigns campaigns, CallbackJournal callbacks, Clock clock) {
		this.campaigns = campaigns;
		this.callbacks = callbacks;
		this.clock = clock;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("running", this.campaigns.running());
		model.addAttribute("upcoming", this.campaigns.upcoming(UPCOMING));
		model.addAttribute("missed", this.campaigns.recentlyMissed());
		model.addAttribute("rateAlerts", this.callbacks.rateAlertsSince(this.clock.instant().minus(RATE_ALERTS)));
		return "dashboard/index";
	}

}
