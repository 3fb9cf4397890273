package dev.herald.shared.web;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Herald's static files ({@code /assets/**} from {@code classpath:/static}) and the
 * webjars ({@code /webjars/**}) under URLs that carry a hash of the content, such as
 * {@code /assets/css/app-0b5c0a7e….css}: templates write {@code @{/assets/css/app.css}}
 * and the {@link ResourceUrlEncodingFilter} turns it into the hashed URL. A changed file
 * gets a new URL, so the browser keeps each one for a year without asking again. Only
 * these two paths are looked up as files, so the page links a template renders cost no
 * classpath lookup. Spring Boot's own resource mappings are off
 * ({@code spring.web.resources.add-mappings=false}): these replace them.
 */
@Configuration(proxyBeanMethods = false)
class AssetConfiguration implements WebMvcConfigurer {

	/** For content-hashed URLs: the content behind one never changes. */
	static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		versioned(registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/"));
		versioned(registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/"));
		// Asked for by browsers and tools that do not read the page's <link rel="icon">;
		// its URL cannot change, so it is kept a day only.
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
	}

	/**
	 * Content-hashed URLs, cached for a year. Webjar paths without a version are first
	 * resolved to the webjar's version ({@code /webjars/bootstrap/5.3.8/...}), which the
	 * resource chain adds by itself when webjars-locator-lite is present.
	 */
	private static void versioned(ResourceHandlerRegistration registration) {
		registration.setCacheControl(VERSIONED)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

	/** Rewrites every asset link a page renders (and error pages) to its hashed URL. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
