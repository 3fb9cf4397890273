package dev.herald.chatapp;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.herald.support.Html;
import dev.herald.support.WebSliceTest;
import dev.herald.tencent.ErrorCodeWords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The Chat app form without a database: a number that does not fit its field is told with
 * the field's range, once, beside the field, and the typed text stays in the field.
 */
@WebSliceTest(ChatAppAdminController.class)
@WithMockUser(username = "root", roles = "ADMIN")
class ChatAppFormTests {

	private static final String RATE_RANGE = "Enter a whole number from 1 to 1,000.";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ChatApps apps;

	@MockitoBean
	private ErrorCodeWords words;

	@MockitoBean
	private ScheduledCampaigns scheduled;

	@MockitoBean
	private CallbackJournal callbacks;

	@Test
	void aRateTooLargeForItsTypeIsToldTheRangeAndKeepsWhatWasTyped() throws Exception {
		String html = create("rateLimitPerSecond", "999999999999", "en");
		assertThat(Html.count(html, RATE_RANGE)).isOne();
		assertThat(Html.childTexts(html, "rateLimitPerSecond-error")).containsExactly(RATE_RANGE);
		assertThat(Html.tag(html, "rateLimitPerSecond")).contains("value=\"999999999999\"")
			.contains("aria-describedby=\"rateLimitPerSecond-error\"")
			.contains("aria-invalid=\"true\"")
			.contains("inputmode=\"numeric\"");
		then(this.apps).shouldHaveNoInteractions();
	}

	@Test
	void textAndAnOutOfRangeNumberGetTheSameOneMessage() throws Exception {
		String text = create("rateLimitPerSecond", "abc", "en");
		assertThat(Html.childTexts(text, "rateLimitPerSecond-error")).containsExactly(RATE_RANGE);
		assertThat(Html.tag(text, "rateLimitPerSecond")).contains("value=\"abc\"");
		assertThat(text).doesNotContain("Required.");
		String tooMany = create("rateLimitPerSecond", "5000", "en");
		assertThat(Html.childTexts(tooMany, "rateLimitPerSecond-error")).containsExactly(RATE_RANGE);
		assertThat(Html.tag(tooMany, "rateLimitPerSecond")).contains("value=\"5000\"");
	}

	@Test
	void theSdkAppIdIsToldItsRange() throws Exception {
		String html = create("sdkAppId", "14000abc", "en");
		assertThat(Html.childTexts(html, "sdkAppId-error"))
			.containsExactly("Enter a whole number from 1 to 4,294,967,295.");
		assertThat(Html.tag(html, "sdkAppId")).contains("value=\"14000abc\"");
	}

	@Test
	void aHistoryPeriodThatIsNotANumberIsToldTheChoices() throws Exception {
		String html = create("messageHistoryDays", "forever", "en");
		assertThat(Html.childTexts(html, "messageHistoryDays-error")).containsExactly("Choose 7, 30 or 90 days.");
		assertThat(Html.tag(html, "messageHistoryDays"))
			.contains("aria-describedby=\"messageHistoryDays-help messageHistoryDays-error\"");
	}

	@Test
	void theRangeIsToldInTheReadersLanguage() throws Exception {
		assertThat(Html.childTexts(create("rateLimitPerSecond", "999999999999", "ja"), "rateLimitPerSecond-error"))
			.containsExactly("1 から 1,000 までの整数を入力してください。");
		assertThat(Html.childTexts(create("rateLimitPerSecond", "999999999999", "zh-CN"), "rateLimitPerSecond-error"))
			.containsExactly("请输入 1 到 1,000 之间的整数。");
	}

	private String create(String field, String value, String language) throws UnsupportedEncodingException {
		Map<String, String> fields = new LinkedHashMap<>(
				Map.of("name", "Slice app", "sdkAppId", "1400000001", "endpoint", "SINGAPORE", "adminIdentifier",
						"administrator", "secretKey", "key", "rateLimitPerSecond", "200", "messageHistoryDays", "7"));
		fields.put(field, value);
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.post()
			.uri("/admin/apps")
			.with(csrf())
			.header("Accept-Language", language);
		fields.forEach(request::param);
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk().hasViewName("admin/apps/form");
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
