package dev.herald.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.herald.chatapp.ChatApps;
import dev.herald.support.Html;
import dev.herald.support.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The report filters without a database: every value a filter could not use is named
 * beside the fields, and From after To is explained there instead of searching.
 */
@WebSliceTest({ DeliveryHistoryController.class, AuditController.class })
@WithMockUser(roles = "ANALYST")
class ReportFilterTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private DeliveryHistory history;

	@MockitoBean
	private DeliveryExport export;

	@MockitoBean
	private Exports exports;

	@MockitoBean
	private ChatApps apps;

	@MockitoBean
	private AuditTrail trail;

	@BeforeEach
	void setUp() {
		given(this.history.page(any(), anyInt())).willReturn(new HistoryPage(List.of(), null));
		given(this.trail.page(any(), any(), anyInt())).willReturn(new AuditTrail.Page(List.of(), null));
	}

	@Test
	void everyIgnoredFilterIsNamedWithItsValueBesideTheFields() throws Exception {
		String html = get("/reports/deliveries?campaign=abc&run=7&code=x1&status=SENT&status=NOPE&from=2025-13-40");
		assertThat(Html.childTexts(html, "filter-ignored")).first()
			.isEqualTo("These filter values were not understood and are left out:");
		// Bound in the order of their names, then the statuses Herald does not know.
		assertThat(Html.childTexts(html, "filter-ignored-values")).containsExactly("Campaign: \"abc\"",
				"ErrorCode: \"x1\"", "From: \"2025-13-40\"", "Status: \"NOPE\"");
		assertThat(Html.count(html, "Campaign: &quot;abc&quot;")).isOne();
		assertThat(Html.tag(html, "campaign")).contains("value=\"abc\"")
			.contains("aria-describedby=\"filter-problems\"");
		// The values that were understood still filter the page.
		then(this.history).should().page(any(), anyInt());
	}

	@Test
	void fromAfterToIsExplainedBesideTheFieldsAndNothingIsSearched() throws Exception {
		String html = get("/reports/deliveries?from=2025-05-10&to=2025-05-01");
		assertThat(Html.text(html, "filter-backwards")).isEqualTo("From (2025-05-10) is later than To (2025-05-01): "
				+ "no day lies in between, so nothing was searched. Swap the two dates.");
		assertThat(Html.count(html, "is later than To")).isOne();
		assertThat(Html.tag(html, "from")).contains("aria-describedby=\"filter-problems\"");
		then(this.history).should(never()).page(any(), anyInt());
	}

	@Test
	void htmxResultsCarryTheProblemsToTheFieldsOutOfBand() throws Exception {
		MvcTestResult result = this.mvc.get()
			.uri("/reports/deliveries?from=2025-05-10&to=2025-05-01&run=r2")
			.header("HX-Request", "true")
			.exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Html.tag(html, "filter-problems")).contains("data-hx-swap-oob=\"innerHTML\"");
		assertThat(Html.count(html, "is later than To")).isOne();
		assertThat(Html.childTexts(html, "filter-ignored-values")).containsExactly("Run: \"r2\"");
		then(this.history).should(never()).page(any(), anyInt());
	}

	@Test
	void theAuditLogExplainsFromAfterToToo() throws Exception {
		String html = get("/audit?from=2025-05-10&to=2025-05-01");
		assertThat(Html.text(html, "filter-backwards")).startsWith("From (2025-05-10) is later than To (2025-05-01)");
		then(this.trail).should(never()).page(any(), any(), anyInt());
	}

	@Test
	void anExportOfABackwardsRangeIsRefusedLikeAnUnreadableFilter() throws Exception {
		assertThat(this.mvc.get().uri("/reports/deliveries/export?format=csv&from=2025-05-10&to=2025-05-01"))
			.hasStatusOk();
		then(this.exports).should().start(eq("deliveries"), eq("csv"), eq(true), anyMap(), any(), any());
		assertThat(this.mvc.get().uri("/audit/export?format=csv&from=2025-05-10&to=2025-05-01")).hasStatusOk();
		then(this.exports).should().start(eq("audit"), eq("csv"), eq(true), anyMap(), any(), any());
	}

	@Test
	void theExplanationSpeaksTheReadersLanguage() throws Exception {
		MvcTestResult result = this.mvc.get()
			.uri("/reports/deliveries?from=2025-05-10&to=2025-05-01&campaign=abc")
			.header("Accept-Language", "ja")
			.exchange();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Html.text(html, "filter-backwards")).startsWith("開始日（2025-05-10）が終了日（2025-05-01）より後です。");
		assertThat(Html.childTexts(html, "filter-ignored-values")).containsExactly("キャンペーン：「abc」");
	}

	private String get(String uri) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
