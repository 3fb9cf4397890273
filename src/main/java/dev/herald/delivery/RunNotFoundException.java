package dev.herald.delivery;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Asked for a run or delivery that does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RunNotFoundException extends RuntimeException {

	RunNotFoundException(String what, long id) {
		super("No " + what + " " + id);
	}

}
