package dev.herald.delivery;

import java.util.function.LongSupplier;

import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.Question;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's decisions on deliveries that wait, from the run page: on one delivery or
 * on every waiting delivery of the run (which asks first, naming how many). Each returns
 * to the run page with a flash that says what was done, or why nothing was (decided
 * already, or not open to the run); a MsgKey that is not one comes back beside its field
 * with what was typed.
 */
@Controller
class DecisionController {

	private final Decisions decisions;

	private final Deliveries deliveries;

	private final RunPage page;

	DecisionController(Decisions decisions, Deliveries deliveries, RunPage page) {
		this.decisions = decisions;
		this.deliveries = deliveries;
		this.page = page;
	}

	/**
	 * What an operator typed as MsgKey for one delivery and why it was refused, for the
	 * run page to show beside the field.
	 */
	record RejectedMsgKey(long deliveryId, String typed, String messageKey) {

		/** The longest key, for the message. */
		public int maxLength() {
			return KnownMsgKey.MAX_LENGTH;
		}

	}

	@PostMapping("/deliveries/{id}/mark-sent")
	@PreAuthorize("hasRole('OPERATOR')")
	String markSent(@PathVariable long id, @RequestParam(required = false) @Nullable String msgKey,
			@RequestParam(required = false) @Nullable Long awaitingAfter, Model model, RedirectAttributes redirect) {
		long runId = this.deliveries.delivery(id).runId();
		String key = KnownMsgKey.normalize(msgKey);
		String problem = KnownMsgKey.problem(key);
		if (key != null && problem != null) {
			model.addAttribute("rejectedMsgKey", new RejectedMsgKey(id, key, problem));
			return this.page.show(runId, awaitingAfter, model);
		}
		return decide(runId, redirect, "decision.markedSent.flash", () -> this.decisions.markSent(id, key));
	}

	@PostMapping("/deliveries/{id}/send-again")
	@PreAuthorize("hasRole('OPERATOR')")
	String sendAgain(@PathVariable long id, RedirectAttributes redirect) {
		long runId = this.deliveries.delivery(id).runId();
		return decide(runId, redirect, "decision.sentAgain.flash", () -> this.decisions.sendAgain(id));
	}

	@PostMapping("/deliveries/{id}/mark-not-sent")
	@PreAuthorize("hasRole('OPERATOR')")
	String markNotSent(@PathVariable long id, RedirectAttributes redirect) {
		long runId = this.deliveries.delivery(id).runId();
		return decide(runId, redirect, "decision.markedNotSent.flash", () -> this.decisions.markNotSent(id));
	}

	@PostMapping("/runs/{id}/awaiting/mark-sent")
	@PreAuthorize("hasRole('OPERATOR')")
	String markAllSent(@PathVariable long id, Confirmation confirmation, RedirectAttributes redirect) {
		if (!confirmation.given()) {
			return ask(confirmation, "decision.all.markSent.ask", id);
		}
		return decideAll(id, redirect, "decision.all.markedSent.flash", () -> this.decisions.markAllSent(id));
	}

	@PostMapping("/runs/{id}/awaiting/send-again")
	@PreAuthorize("hasRole('OPERATOR')")
	String sendAllAgain(@PathVariable long id, Confirmation confirmation, RedirectAttributes redirect) {
		if (!confirmation.given()) {
			return ask(confirmation, "decision.all.sendAgain.ask", id);
		}
		return decideAll(id, redirect, "decision.all.sentAgain.flash", () -> this.decisions.sendAllAgain(id));
	}

	@PostMapping("/runs/{id}/awaiting/mark-not-sent")
	@PreAuthorize("hasRole('OPERATOR')")
	String markAllNotSent(@PathVariable long id, Confirmation confirmation, RedirectAttributes redirect) {
		if (!confirmation.given()) {
			return ask(confirmation, "decision.all.markNotSent.ask", id);
		}
		return decideAll(id, redirect, "decision.all.markedNotSent.flash", () -> this.decisions.markAllNotSent(id));
	}

	/** Asks before a decision on every waiting delivery of the run, naming how many. */
	private String ask(Confirmation confirmation, String key, long runId) {
		return confirmation.ask(Question.of(key, runId, this.decisions.awaitingCount(runId)).backTo("/runs/" + runId));
	}

	private static String decide(long runId, RedirectAttributes redirect, String done, Runnable decision) {
		try {
			decision.run();
			redirect.addFlashAttribute("success", done);
		}
		catch (DecisionRefusedException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/runs/" + runId;
	}

	private static String decideAll(long runId, RedirectAttributes redirect, String done, LongSupplier decision) {
		try {
			long decided = decision.getAsLong();
			redirect.addFlashAttribute("success", done);
			redirect.addFlashAttribute("successArg", decided);
		}
		catch (DecisionRefusedException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/runs/" + runId;
	}

}
