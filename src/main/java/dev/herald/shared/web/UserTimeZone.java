package dev.herald.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The time zone a person sees times in: the browser's zone, which {@code app.js} stores
 * in the {@code herald-tz} cookie, else the server's.
 * <p>
 * It reaches code through the locale resolver ({@link WebConfiguration}), the one way
 * Herald resolves the viewer's zone: a handler declares a {@link ZoneId} parameter,
 * templates read {@code ${zone}} (put there by {@link GlobalControllerAdvice}), and other
 * code on the request's thread asks {@code LocaleContextHolder.getTimeZone()}.
 */
final class UserTimeZone {

	static final String COOKIE = "herald-tz";

	private UserTimeZone() {
	}

	static TimeZone of(HttpServletRequest request) {
		return TimeZone.getTimeZone(zone(request));
	}

	private static ZoneId zone(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					try {
						return ZoneId.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
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
