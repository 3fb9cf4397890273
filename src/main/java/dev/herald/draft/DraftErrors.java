package dev.herald.draft;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A draft whose status does not allow a change gets 409 with the reason, and nothing is
 * changed. (A person who may not do this gets 403 from the rule violation every page
 * shares.)
 */
@ControllerAdvice(assignableTypes = { DraftController.class, DraftReviewController.class, DraftTestSendController.class,
		DraftArchiveController.class })
class DraftErrors {

	private final MessageSource messages;

	DraftErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DraftArchivedException.class)
	String archived(HttpServletResponse response, Model model, Locale locale) {
		return conflict(response, model, this.messages.getMessage("drafts.refused.archived", null, locale));
	}

	@ExceptionHandler(DraftStateException.class)
	String wrongStatus(DraftStateException ex, HttpServletResponse response, Model model, Locale locale) {
		Object status = new DefaultMessageSourceResolvable("DraftStatus." + ex.status().name());
		return conflict(response, model,
				this.messages.getMessage("drafts.refused.state", new Object[] { status }, locale));
	}

	private static String conflict(HttpServletResponse response, Model model, String reason) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("reason", reason);
		return "error/refused";
	}

}
