package dev.herald.shared.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.thymeleaf.ITemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Puts {@link RejectedRequestValve} on Tomcat's host in place of the error report valve
 * that Tomcat (or Spring Boot, with {@code server.error.include-stacktrace=never}) would
 * put there. Runs after Spring Boot's own Tomcat customizer so that its valve is already
 * there to be replaced. The template engine and the asset URLs are looked up when a page
 * is drawn, long after the web server was built.
 */
@Component
class RejectedRequestPage implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private final ObjectProvider<ITemplateEngine> templates;

	private final ObjectProvider<ResourceUrlProvider> assets;

	RejectedRequestPage(ObjectProvider<ITemplateEngine> templates, ObjectProvider<ResourceUrlProvider> assets) {
		this.templates = templates;
		this.assets = assets;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new RejectedRequestValve(this.templates::getObject, this.assets::getObject));
			// Tomcat adds an error report valve of this class to a starting host that has
			// none.
			if (host instanceof StandardHost standardHost) {
				standardHost.setErrorReportValveClass(RejectedRequestValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
