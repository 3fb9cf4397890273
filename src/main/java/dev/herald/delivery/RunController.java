package dev.herald.delivery;

import java.util.List;

import dev.herald.chatapp.ChatApps;
import dev.herald.shared.web.PageAction;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The run page: live progress (an htmx-polled fragment), the first deliveries, and the
 * operator's buttons. Recall has its own controller.
 */
@Controller
class RunController {

	static final int LISTED_DELIVERIES = 100;

	/** Said when the run's state refused a button: someone else changed it first. */
	private static final String CONFLICT = "run.state.conflict";

	private final Deliveries deliveries;

	private final Recalls recalls;

	private final ChatApps apps;

	RunController(Deliveries deliveries, Recalls recalls, ChatApps apps) {
		this.deliveries = deliveries;
		this.recalls = recalls;
		this.apps = apps;
	}

	@GetMapping("/runs/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST')")
	String show(@PathVariable long id, Model model) {
		RunProgress run = this.deliveries.progress(id);
		List<DeliveryRow> rows = this.deliveries.deliveries(id, LISTED_DELIVERIES);
		model.addAttribute("run", run);
		model.addAttribute("app", this.apps.find(run.chatAppId()).orElse(null));
		model.addAttribute("deliveries", rows);
		model.addAttribute("recallWindow", this.recalls.recallWindow(id));
		model.addAttribute("recall", this.recalls.latestOfRun(id).orElse(null));
		model.addAttribute("recallDeadlines", this.recalls.recallDeadlines(run.chatAppId(), rows));
		return "runs/detail";
	}

	@GetMapping("/runs/{id}/progress")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST')")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("run", this.deliveries.progress(id));
		return "runs/progress :: progress";
	}

	/** Pause, resume and cancel on the run page. */
	@PostMapping("/runs/{id}/{verb:pause|resume|cancel}")
	@PreAuthorize("hasRole('OPERATOR')")
	String control(@PathVariable long id, @PathVariable String verb, RedirectAttributes redirect) {
		String page = "/runs/" + id;
		return switch (verb) {
			case "pause" ->
				PageAction.run(page, redirect, "run.paused.flash", CONFLICT, () -> this.deliveries.pause(id));
			case "resume" ->
				PageAction.run(page, redirect, "run.resumed.flash", CONFLICT, () -> this.deliveries.resume(id));
			default ->
				PageAction.run(page, redirect, "run.cancelled.flash", CONFLICT, () -> this.deliveries.cancel(id));
		};
	}

}
