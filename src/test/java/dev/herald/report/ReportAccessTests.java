package dev.herald.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An analyst reads and exports everything and changes nothing; operators and editors see
 * reports too.
 */
@ApplicationTest
class ReportAccessTests {

	/**
	 * POSTs an analyst may make: their own password, the error page, and Tencent's
	 * webhook (a machine's route, public).
	 */
	private static final Set<String> OWN_OR_PUBLIC = Set.of("/account/password", "/error", "/callbacks/tencent");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Test
	void analystReadsAndExportsEveryReport() {
		for (String uri : List.of("/reports", "/reports/deliveries", "/reports/charts", "/audit",
				"/reports/deliveries/export?format=csv&app=999999999",
				"/reports/deliveries/export?format=xlsx&app=999999999", "/audit/export?format=csv&actor=nobody-at-all",
				"/audit/export?format=xlsx&actor=nobody-at-all")) {
			assertThat(this.mvc.get().uri(uri).with(user("analyst").roles("ANALYST"))).as(uri).hasStatusOk();
		}
	}

	@Test
	void analystGets403OnEveryPostOfTheApplication() {
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.POST)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (OWN_OR_PUBLIC.contains(pattern) || pattern.startsWith("/sim/")) {
					continue;
				}
				String uri = pattern.replaceAll("\\{[^}]+}", "999999999");
				int status = this.mvc.post()
					.uri(uri)
					.with(csrf())
					.with(user("analyst").roles("ANALYST"))
					.exchange()
					.getResponse()
					.getStatus();
				checked++;
				if (status != 403) {
					wrong.add("POST " + pattern + " -> " + status);
				}
			}
		}
		assertThat(checked).isGreaterThan(10);
		assertThat(wrong).isEmpty();
	}

	@Test
	void reportsRefuseEveryChangeEvenForAdmins() {
		assertThat(this.mvc.post().uri("/reports/deliveries").with(csrf()).with(user("root").roles("ADMIN")))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/audit").with(csrf()).with(user("root").roles("ADMIN"))).hasStatus(403);
	}

	@Test
	void operatorsAndEditorsSeeReports() {
		assertThat(this.mvc.get().uri("/reports/deliveries").with(user("op").roles("OPERATOR"))).hasStatusOk();
		assertThat(this.mvc.get().uri("/audit").with(user("ed").roles("EDITOR"))).hasStatusOk();
		assertThat(this.mvc.get().uri("/").with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.contains("report-charts");
	}

}
