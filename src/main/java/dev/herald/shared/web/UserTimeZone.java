package dev.herald.shared.web;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The time zone a person sees times in: the browser's zone, which a small script stores
 * in the {@code herald-tz} cookie, else the server's.
 */
public final class UserTimeZone {

	static final String COOKIE = "herald-tz";

	private UserTimeZone() {
	}

	public static ZoneId of(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					try {
						return ZoneId
							.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
					}
					catch (DateTimeException | IllegalArgumentException ex) {
						break;
					}
				}
			}
		}
		return ZoneId.systemDefault();
	}

}
