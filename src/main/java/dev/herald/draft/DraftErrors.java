package dev.herald.draft;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals in words: a person who may not do this gets 403, a draft whose status does not
 * allow it gets 409, each with the reason. Nothing is changed in either case.
 */
@ControllerAdvice(assignableTypes = { DraftController.class, DraftReviewController.class, DraftTestSendController.class,
		DraftArchiveController.class })
class DraftErrors {

	@ExceptionHandler(DraftRuleException.class)
	String forbidden(DraftRuleException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("reason", ex.messageKey());
		model.addAttribute("reasonArg", null);
		return "drafts/refused";
	}

	@ExceptionHandler(DraftArchivedException.class)
	String archived(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("reason", "drafts.refused.archived");
		model.addAttribute("reasonArg", null);
		return "drafts/refused";
	}

	@ExceptionHandler(DraftStateException.class)
	String wrongStatus(DraftStateException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("reason", "drafts.refused.state");
		model.addAttribute("reasonArg", "DraftStatus." + ex.status().name());
		return "drafts/refused";
	}

}
