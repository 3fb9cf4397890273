package dev.herald.staff;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class StaffUserNotFoundException extends RuntimeException {

	StaffUserNotFoundException(long id) {
		super("No staff user " + id);
	}

}
