package dev.herald.callback;

import org.springframework.http.HttpStatus;

/**
 * Why a callback was refused. The key names the reason on the app's page
 * ({@code callback.refused.<key>}) and in the metric's {@code reason} tag.
 */
enum Refusal {

	UNKNOWN_APP("unknownApp", HttpStatus.BAD_REQUEST),

	NOT_CONFIGURED("notConfigured", HttpStatus.UNAUTHORIZED),

	UNSIGNED("unsigned", HttpStatus.UNAUTHORIZED),

	BAD_SIGNATURE("badSignature", HttpStatus.UNAUTHORIZED),

	STALE("stale", HttpStatus.UNAUTHORIZED),

	REPLAYED("replayed", HttpStatus.CONFLICT),

	TOO_LARGE("tooLarge", HttpStatus.CONTENT_TOO_LARGE),

	MALFORMED("malformed", HttpStatus.BAD_REQUEST);

	private final String key;

	private final HttpStatus status;

	Refusal(String key, HttpStatus status) {
		this.key = key;
		this.status = status;
	}

	String key() {
		return this.key;
	}

	HttpStatus status() {
		return this.status;
	}

}
