package dev.herald.shared.web;

import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;

import dev.herald.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Behaviour every form shares: trimmed input, a number that does not fit its field told
 * with the field's range, the viewer's time zone, a refusal page for a rule no form
 * caught, and a friendly 409 page when two people edit the same thing at once or one form
 * is saved twice at the same moment.
 */
@ControllerAdvice
class GlobalControllerAdvice {

	// PostgreSQL's SQLSTATE for a unique_violation.
	private static final String UNIQUE_VIOLATION = "23505";

	private final MessageSource messages;

	GlobalControllerAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@InitBinder
	void bindForms(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		binder.setBindingErrorProcessor(new RangeBindingErrorProcessor());
	}

	/**
	 * The viewer's time zone, for templates; handlers declare a {@code ZoneId} parameter.
	 */
	@ModelAttribute("zone")
	ZoneId zone(ZoneId zone) {
		return zone;
	}

	/**
	 * A rule refused the request and no form was there to show it beside a field (a
	 * controller that shows a form catches it first): 403, with the reason in words.
	 */
	@ExceptionHandler(RuleViolationException.class)
	String refused(RuleViolationException ex, HttpServletResponse response, Model model, Locale locale) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("reason", this.messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		return "error/refused";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String uploadTooLarge(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		return "error/413";
	}

	/**
	 * Two requests that create the same thing at the same moment (a double-click, two
	 * tabs) meet at a unique constraint: the first one saved it, the second gets a page
	 * that says so instead of a server error. Other integrity violations are real errors.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	String duplicate(DataIntegrityViolationException ex, HttpServletResponse response) {
		if (!(ex.getMostSpecificCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
			throw ex;
		}
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "error/duplicate";
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	String conflict(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "error/409";
	}

}
