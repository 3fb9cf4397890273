package dev.herald.chatapp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Asked for a Chat app that does not exist.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ChatAppNotFoundException extends RuntimeException {

	ChatAppNotFoundException(long id) {
		super("No Chat app " + id);
	}

}
