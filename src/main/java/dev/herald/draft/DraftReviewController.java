package dev.herald.draft;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Submitting a draft (its author) and reviewing it (an editor who did not write it). The
 * forms carry the draft's lock version, so a decision about a draft that changed in the
 * meantime is refused with the 409 page.
 */
@Controller
@RequestMapping("/drafts")
@PreAuthorize("hasAnyRole('OPERATOR','EDITOR')")
class DraftReviewController {

	private final Drafts drafts;

	private final LivePanels panels;

	DraftReviewController(Drafts drafts, LivePanels panels) {
		this.drafts = drafts;
		this.panels = panels;
	}

	@GetMapping("/review")
	@PreAuthorize("hasRole('EDITOR')")
	String queue(@RequestParam(required = false) @Nullable String archived, Model model, Principal principal) {
		boolean includeArchived = "true".equals(archived);
		model.addAttribute("drafts", this.drafts.reviewableBy(principal.getName(), includeArchived));
		model.addAttribute("archived", includeArchived);
		return "drafts/queue";
	}

	@GetMapping("/{id}/review")
	@PreAuthorize("hasRole('EDITOR')")
	String review(@PathVariable long id, Model model, Principal principal) {
		return showReview(id, null, null, model, principal);
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Principal principal,
			RedirectAttributes redirect) {
		this.drafts.submit(id, lock(version), principal.getName());
		redirect.addFlashAttribute("success", "drafts.submitted");
		return "redirect:/drafts/" + id;
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize("hasRole('EDITOR')")
	String approve(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Principal principal,
			RedirectAttributes redirect) {
		this.drafts.approve(id, lock(version), principal.getName());
		redirect.addFlashAttribute("success", "drafts.approved");
		return "redirect:/drafts/" + id;
	}

	@PostMapping("/{id}/request-changes")
	@PreAuthorize("hasRole('EDITOR')")
	String requestChanges(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String comment, Model model, Principal principal,
			RedirectAttributes redirect) {
		if (comment == null || comment.isBlank()) {
			return showReview(id, "drafts.review.comment.required", comment, model, principal);
		}
		if (comment.length() > DraftForm.MAX_NOTES) {
			return showReview(id, "drafts.review.comment.tooLong", comment, model, principal);
		}
		this.drafts.requestChanges(id, lock(version), principal.getName(), comment);
		redirect.addFlashAttribute("success", "drafts.changesRequested");
		return "redirect:/drafts/" + id;
	}

	/** A form without the lock version it was rendered with counts as stale. */
	private static long lock(@Nullable Long version) {
		return (version != null) ? version : -1;
	}

	private String showReview(long id, @Nullable String commentError, @Nullable String comment, Model model,
			Principal principal) {
		DraftView view = this.drafts.view(id);
		if (view.draft().isArchived()) {
			throw new DraftArchivedException(id);
		}
		DraftVersion base = view.lastApproved();
		String baseJson = (base != null) ? base.getContentJson() : "{}";
		model.addAttribute("view", view);
		model.addAttribute("draft", view.draft());
		model.addAttribute("base", base);
		model.addAttribute("diff", DraftDiff.between(baseJson, view.current().getContentJson()));
		model.addAttribute("live", this.panels.of(view.current()));
		model.addAttribute("mayReview", view.draft().mayReview(principal.getName()));
		model.addAttribute("commentError", commentError);
		model.addAttribute("comment", comment);
		return "drafts/review";
	}

}
