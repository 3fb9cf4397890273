package dev.herald.campaign;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class CampaignNotFoundException extends RuntimeException {

	CampaignNotFoundException(long id) {
		super("No campaign " + id);
	}

}
