package dev.herald.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * How a handler tells an htmx request from a page request, the one way Herald does it:
 * the handler takes an {@link HtmxRequest} argument (htmx-spring-boot resolves it and
 * adds {@code Vary: HX-Request} to htmx responses) and asks
 * {@link #partial(HtmxRequest)}. Code outside a handler (a security entry point) reads
 * {@link HtmxRequest#fromRequest}.
 */
public final class Htmx {

	private Htmx() {
	}

	/**
	 * Whether to answer with only the fragment htmx swaps in. A history restore (the page
	 * was not in htmx's history cache) gets the whole page, as a page request does.
	 * @param request the request's htmx headers
	 * @return {@code true} for a fragment, {@code false} for the whole page
	 */
	public static boolean partial(HtmxRequest request) {
		return request.isHtmxRequest() && !request.isHistoryRestoreRequest();
	}

}
