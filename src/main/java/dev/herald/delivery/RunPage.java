package dev.herald.delivery;

import java.util.List;

import dev.herald.chatapp.ChatApps;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the run page shows: its progress, its first deliveries, recall, and the deliveries
 * that wait for an operator's decision. Rendered by the run page itself and again by a
 * decision whose input was refused, so the operator's input stays beside the field.
 */
@Component
class RunPage {

	static final int LISTED_DELIVERIES = 100;

	/** Waiting deliveries per page of the decision panel: thousands are paged. */
	static final int LISTED_AWAITING = 50;

	static final String VIEW = "runs/detail";

	private final Deliveries deliveries;

	private final Recalls recalls;

	private final Decisions decisions;

	private final ChatApps apps;

	RunPage(Deliveries deliveries, Recalls recalls, Decisions decisions, ChatApps apps) {
		this.deliveries = deliveries;
		this.recalls = recalls;
		this.decisions = decisions;
		this.apps = apps;
	}

	/**
	 * Fills the model for the run page.
	 * @param awaitingAfter where the decision panel's page starts ({@code null} or 0 for
	 * the first)
	 * @return the view
	 */
	String show(long runId, @Nullable Long awaitingAfter, Model model) {
		RunProgress run = this.deliveries.progress(runId);
		List<DeliveryRow> rows = this.deliveries.deliveries(runId, LISTED_DELIVERIES);
		model.addAttribute("run", run);
		model.addAttribute("app", this.apps.find(run.chatAppId()).orElse(null));
		model.addAttribute("deliveries", rows);
		model.addAttribute("recallWindow", this.recalls.recallWindow(runId));
		model.addAttribute("recall", this.recalls.latestOfRun(runId).orElse(null));
		model.addAttribute("recallDeadlines", this.recalls.recallDeadlines(run.chatAppId(), rows));
		long after = (awaitingAfter != null && awaitingAfter > 0) ? awaitingAfter : 0;
		model.addAttribute("decisions", this.decisions.panel(run, after, LISTED_AWAITING));
		return VIEW;
	}

}
