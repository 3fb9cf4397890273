package dev.herald.delivery;

import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.PageAction;
import dev.herald.shared.web.Question;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The run page: live progress (an htmx-polled fragment), the first deliveries, the
 * deliveries waiting for a decision, and the operator's buttons. Recall and decisions
 * have their own controllers.
 */
@Controller
class RunController {

	/** Said when the run's state refused a button: someone else changed it first. */
	private static final String CONFLICT = "run.state.conflict";

	private final Deliveries deliveries;

	private final RunPage page;

	RunController(Deliveries deliveries, RunPage page) {
		this.deliveries = deliveries;
		this.page = page;
	}

	@GetMapping("/runs/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST')")
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable Long awaitingAfter, Model model) {
		return this.page.show(id, awaitingAfter, model);
	}

	@GetMapping("/runs/{id}/progress")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST')")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("run", this.deliveries.progress(id));
		return "runs/progress :: progress";
	}

	/**
	 * Pause, resume and cancel on the run page. Cancel asks first, with the number of
	 * deliveries it stops.
	 */
	@PostMapping("/runs/{id}/{verb:pause|resume|cancel}")
	@PreAuthorize("hasRole('OPERATOR')")
	String control(@PathVariable long id, @PathVariable String verb, Confirmation confirmation,
			RedirectAttributes redirect) {
		String page = "/runs/" + id;
		return switch (verb) {
			case "pause" ->
				PageAction.run(page, redirect, "run.paused.flash", CONFLICT, () -> this.deliveries.pause(id));
			case "resume" ->
				PageAction.run(page, redirect, "run.resumed.flash", CONFLICT, () -> this.deliveries.resume(id));
			default -> confirmation.given()
					? PageAction.run(page, redirect, "run.cancelled.flash", CONFLICT, () -> this.deliveries.cancel(id))
					: confirmation.ask(
							Question.of("run.cancel.ask", id, this.deliveries.progress(id).count(DeliveryStatus.QUEUED))
								.backTo(page));
		};
	}

}
