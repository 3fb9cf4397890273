package dev.herald.dashboard;

import java.time.Clock;
import java.time.Duration;

import dev.herald.campaign.Campaigns;
import dev.herald.chatapp.CallbackJournal;
import dev.herald.delivery.DecisionQueue;
import dev.herald.draft.ReviewQueue;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
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

	// Drafts waiting for the editor's review, listed by link (the longest waiting first).
	private static final int WAITING_REVIEWS = 10;

	private final Campaigns campaigns;

	private final CallbackJournal callbacks;

	private final DecisionQueue decisions;

	private final ReviewQueue reviews;

	private final RoleHierarchy roles;

	private final Clock clock;

	DashboardController(Campaigns campaigns, CallbackJournal callbacks, DecisionQueue decisions, ReviewQueue reviews,
			RoleHierarchy roles, Clock clock) {
		this.campaigns = campaigns;
		this.reviews = reviews;
		this.roles = roles;
		this.callbacks = callbacks;
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/")
	String dashboard(Model model, Authentication user) {
		model.addAttribute("running", this.campaigns.running());
		model.addAttribute("upcoming", this.campaigns.upcoming(UPCOMING));
		model.addAttribute("missed", this.campaigns.recentlyMissed());
		model.addAttribute("rateAlerts", this.callbacks.rateAlertsSince(this.clock.instant().minus(RATE_ALERTS)));
		model.addAttribute("awaitingDecisions", this.decisions.awaiting(AWAITING_RUNS));
		// Editors approve drafts (as /drafts/review decides); nobody else sees what
		// waits.
		if (mayReview(user)) {
			model.addAttribute("waitingReviews", this.reviews.waitingFor(user.getName(), WAITING_REVIEWS));
		}
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

	private boolean mayReview(Authentication user) {
		return this.roles.getReachableGrantedAuthorities(user.getAuthorities())
			.stream()
			.anyMatch((authority) -> "ROLE_EDITOR".equals(authority.getAuthority()));
	}

}
