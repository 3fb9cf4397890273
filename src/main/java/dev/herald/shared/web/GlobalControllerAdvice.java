package dev.herald.shared.web;

import java.sql.SQLException;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Behaviour every form shares: trimmed input, and a friendly 409 page when two people
 * edit the same thing at once or one form is saved twice at the same moment.
 */
@ControllerAdvice
class GlobalControllerAdvice {

	// PostgreSQL's SQLSTATE for a unique_violation.
	private static final String UNIQUE_VIOLATION = "23505";

	@InitBinder
	void trimStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	/**
	 * The viewer's time zone, for templates; handlers declare a {@code ZoneId} parameter.
	 */
	@ModelAttribute("zone")
	ZoneId zone(ZoneId zone) {
		return zone;
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
