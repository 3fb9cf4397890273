package dev.herald.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands a {@link Confirmation} to every handler that declares one, bound to its request
 * and to the model the question is rendered from.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationConfiguration implements WebMvcConfigurer {

	private final MessageSource messages;

	ConfirmationConfiguration(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ConfirmationResolver(this.messages));
	}

	private static final class ConfirmationResolver implements HandlerMethodArgumentResolver {

		private final MessageSource messages;

		ConfirmationResolver(MessageSource messages) {
			this.messages = messages;
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Confirmation.class;
		}

		@Override
		public Confirmation resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
				NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
			HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
			if (container == null || servletRequest == null) {
				throw new IllegalStateException("A Confirmation needs a servlet request that renders a view");
			}
			return new Confirmation(servletRequest, container.getModel(), this.messages);
		}

	}

}
