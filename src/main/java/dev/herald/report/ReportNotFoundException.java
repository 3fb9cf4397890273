package dev.herald.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No deliveries and no run under the id a report was asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReportNotFoundException extends RuntimeException {

	ReportNotFoundException(String what, long id) {
		super(what + " " + id + " not found");
	}

}
