package dev.herald.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language choice: the browser's language first, then whatever the user picked with the
 * switcher ({@code ?lang=}), remembered in a cookie. The same resolver answers the
 * viewer's time zone ({@link UserTimeZone}), so Spring hands it to any handler that
 * declares a {@code ZoneId} parameter.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.JAPANESE);

	static final String LANGUAGE_COOKIE = "herald-lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction((request) -> supported(request.getLocale()));
		// The language cookie never carries a zone, so this always answers.
		resolver.setDefaultTimeZoneFunction(UserTimeZone::of);
		return resolver;
	}

	/**
	 * The supported locale of a language.
	 * @param requested a language, such as the browser's
	 * @return Herald's locale for that language, else English
	 */
	static Locale supported(Locale requested) {
		for (Locale supported : SUPPORTED_LOCALES) {
			if (supported.getLanguage().equals(requested.getLanguage())) {
				return supported;
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
