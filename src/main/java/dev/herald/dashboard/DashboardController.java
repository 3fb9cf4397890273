package dev.herald.dashboard;

import dev.herald.campaign.Campaigns;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private static final int UPCOMING = 8;

	private final Campaigns campaigns;

	DashboardController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("running", this.campaigns.running());
		model.addAttribute("upcoming", this.campaigns.upcoming(UPCOMING));
		model.addAttribute("missed", this.campaigns.recentlyMissed());
		return "dashboard/index";
	}

}
