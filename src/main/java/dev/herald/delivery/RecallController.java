package dev.herald.delivery;

import java.time.ZoneId;

import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.Question;
import dev.herald.shared.web.TimeFormat;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recall from the run page: a whole run (in the background, its progress polled by the
 * page) or one delivery (at once), each after the operator confirmed it, the question
 * naming what is recalled. A refusal is told at once either way.
 */
@Controller
class RecallController {

	private final Recalls recalls;

	private final Deliveries deliveries;

	private final TimeFormat timeFormat;

	RecallController(Recalls recalls, Deliveries deliveries, TimeFormat timeFormat) {
		this.recalls = recalls;
		this.deliveries = deliveries;
		this.timeFormat = timeFormat;
	}

	@PostMapping("/runs/{id}/recall")
	@PreAuthorize("hasRole('OPERATOR')")
	String recallRun(@PathVariable long id, ZoneId zone, Confirmation confirmation, RedirectAttributes redirect) {
		if (!confirmation.given()) {
			return confirmation
				.ask(RecallQuestion.of("run.recall.ask", id, this.recalls.recallWindow(id)).backTo("/runs/" + id));
		}
		try {
			RecallStarted.flash(redirect, this.recalls.recallRun(id));
		}
		catch (RecallWindowClosedException ex) {
			RecallRefusal.flash(redirect, "run.recall.tooLate", ex, this.timeFormat, zone);
		}
		return "redirect:/runs/" + id;
	}

	@PostMapping("/deliveries/{id}/recall")
	@PreAuthorize("hasRole('OPERATOR')")
	String recallDelivery(@PathVariable long id, ZoneId zone, Confirmation confirmation, RedirectAttributes redirect) {
		DeliveryRow row = this.deliveries.delivery(id);
		if (!confirmation.given()) {
			return confirmation.ask(Question.of("delivery.recall.ask", id, row.officialAccount(), row.runId())
				.backTo("/runs/" + row.runId()));
		}
		try {
			RecallSummary summary = this.recalls.recallDelivery(id);
			redirect.addFlashAttribute(summary.recalled() > 0 ? "success" : "failure",
					summary.recalled() > 0 ? "delivery.recall.done" : "delivery.recall.failed");
		}
		catch (RecallWindowClosedException ex) {
			RecallRefusal.flash(redirect, "delivery.recall.tooLate", ex, this.timeFormat, zone);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", "delivery.recall.nothing");
		}
		return "redirect:/runs/" + row.runId();
	}

	/** A recall's progress, polled by the run and campaign pages while it runs. */
	@GetMapping("/recalls/{id}/progress")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST')")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("recall", this.recalls.progress(id));
		return "recalls/progress :: progress";
	}

}
