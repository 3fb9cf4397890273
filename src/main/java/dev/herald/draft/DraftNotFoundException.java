package dev.herald.draft;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class DraftNotFoundException extends RuntimeException {

	DraftNotFoundException(Object id) {
		super("No draft or version " + id);
	}

}
