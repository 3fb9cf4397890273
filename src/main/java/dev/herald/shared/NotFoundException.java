package dev.herald.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Asked for something that does not exist: the page answers 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	/**
	 * @param kind what was asked for, for the log ({@code "campaign"}, {@code "run"})
	 * @param id the id it was asked by
	 */
	public NotFoundException(String kind, Object id) {
		super("No " + kind + " " + id);
	}

}
