package dev.herald.draft;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.herald.audit.AuditLog;
import dev.herald.support.Html;
import dev.herald.support.WebSliceTest;
import dev.herald.tencent.MediaProbe;
import dev.herald.tencent.MessageValidator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The composer's form without a database: element fields binding by index, the message
 * beside a wrong field, the buttons that work without JavaScript, the live panel, the
 * reader's language, and who may use it. The validator is the real one; storing drafts is
 * a mock, and {@link DraftWebTests} covers what needs the database.
 */
@WebSliceTest(DraftController.class)
@Import({ LivePanels.class, MessageValidator.class })
class DraftFormTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Drafts drafts;

	@MockitoBean
	private AuditLog audit;

	@MockitoBean
	private TestSendPicker testSendPicker;

	@MockitoBean
	private MediaProbe media;

	@MockitoBean
	private DraftUses uses;

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void wrongNumbersAndMissingFieldsAreShownNextToTheirFields() throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri("/drafts/new")
			.with(csrf())
			.param("title", "Where")
			.param("elements[0].type", "TIMLocationElem")
			.param("elements[0].fields[Desc]", "Office")
			.param("elements[0].fields[Latitude]", "abc")
			.param("elements[0].fields[Longitude]", "114")
			.param("elements[1].type", "TIMTextElem")
			.exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).containsPattern("id=\"el-0-Latitude\"[^>]*is-invalid|is-invalid[^>]*id=\"el-0-Latitude\"")
			.containsPattern("id=\"el-1-Text\"[^>]*is-invalid|is-invalid[^>]*id=\"el-1-Text\"")
			.doesNotContain("id=\"el-0-Longitude\" class=\"form-control is-invalid\"");
		assertThat(Html.childTexts(html, "el-0-Latitude-error")).containsExactly("Enter a number from -90 to 90.");
		assertThat(Html.tag(html, "el-0-Latitude")).contains("value=\"abc\"")
			.contains("aria-describedby=\"el-0-Latitude-error\"");
		then(this.drafts).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void aFaceIndexThatIsNotANumberGetsOneMessageNotAlsoRequired() throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri("/drafts/new")
			.with(csrf())
			.param("title", "Face")
			.param("elements[0].type", "TIMFaceElem")
			.param("elements[0].fields[Index]", "abc")
			.exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		String expected = "Enter a whole number from -2,147,483,648 to 2,147,483,647.";
		assertThat(Html.childTexts(html, "el-0-Index-error")).containsExactly(expected);
		assertThat(Html.tag(html, "el-0-Index")).contains("value=\"abc\"");
		// The live panel says the same, once, and nothing about a missing Index.
		assertThat(Html.childTexts(html, "live-errors")).containsExactly("MsgBody[0].MsgContent.Index " + expected);
		assertThat(html).doesNotContain("Index is required");
		then(this.drafts).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void aTextOver12KbIsToldTheMessageSizeInBytesAndTheMeterAgrees() throws Exception {
		String text = "x".repeat(13 * 1024);
		MvcTestResult result = this.mvc.post()
			.uri("/drafts/new")
			.with(csrf())
			.param("title", "Long")
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", text)
			.exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		DraftForm form = new DraftForm();
		DraftForm.ElementForm element = new DraftForm.ElementForm("TIMTextElem");
		element.getFields().put("Text", text);
		form.getElements().add(element);
		int bytes = DraftContent.validate(new MessageValidator(), Composition.of(form).message()).sizeBytes();
		assertThat(bytes).isGreaterThan(13 * 1024);
		String size = String.format(Locale.ENGLISH, "%,d", bytes);
		assertThat(Html.childTexts(html, "form-errors"))
			.containsExactly("The message is " + size + " bytes; at most 12,288 bytes are allowed.");
		assertThat(Html.text(html, "live-size")).isEqualTo(size + " / 12,288 bytes");
		assertThat(Html.tag(html, "live-meter")).contains("value=\"" + bytes + "\"");
		assertThat(html).doesNotContain("Text is required").doesNotContain("characters");
		assertThat(Html.tag(html, "el-0-Text")).doesNotContain("is-invalid");
		then(this.drafts).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void aNewBodyOver12KbIsRefusedWithItsLimit() {
		assertThat(this.mvc.post()
			.uri("/drafts/new")
			.with(csrf())
			.param("title", "Big")
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "x".repeat(6700))
			.param("elements[1].type", "TIMTextElem")
			.param("elements[1].fields[Text]", "y".repeat(6700))).hasStatusOk()
			.bodyText()
			.contains("bytes; at most 12,288 bytes are allowed.");
		then(this.drafts).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void composerButtonsWorkWithoutJavaScriptAndPreviewShowsTheBody() {
		MvcTestResult added = this.mvc.post()
			.uri("/drafts/new")
			.with(csrf())
			.param("action", "add-TIMCustomElem")
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "kept")
			.exchange();
		assertThat(added).hasStatusOk().bodyText().contains("el-1-Data", "kept").doesNotContain("is-invalid");
		MvcTestResult preview = this.mvc.post()
			.uri("/drafts/preview")
			.with(csrf())
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "Hi")
			.param("elements[1].type", "TIMFaceElem")
			.param("elements[1].fields[Index]", "1")
			.param("pushTitle", "Shop")
			.exchange();
		assertThat(preview).hasStatusOk()
			.bodyText()
			.contains("{&quot;MsgBody&quot;:[{&quot;MsgType&quot;:&quot;TIMTextElem&quot;", "Hi[Face]", "Shop")
			.doesNotContain("<html");
	}

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void composerSpeaksChineseAndJapanese() {
		assertThat(this.mvc.get().uri("/drafts/new").header("Accept-Language", "ja")).hasStatusOk()
			.bodyText()
			.contains("新しい下書き", "オフラインプッシュ");
		assertThat(this.mvc.get().uri("/drafts/new").header("Accept-Language", "zh-CN")).hasStatusOk()
			.bodyText()
			.contains("新建草稿", "离线推送");
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void analystsCannotCompose() {
		assertThat(this.mvc.get().uri("/drafts/new")).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/drafts/new")
			.with(csrf())
			.param("title", "Not mine to write")
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "Hi")).hasStatus(403);
		then(this.drafts).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void aStatusFilterThatCannotBeReadIsNamedAndLeftOut() throws Exception {
		given(this.drafts.list(any(), any(), any(), anyBoolean(), anyInt())).willReturn(Page.empty());
		MvcTestResult result = this.mvc.get().uri("/drafts?status=BOGUS&q=sale").exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Html.childTexts(html, "filter-ignored-values")).containsExactly("Status: \"BOGUS\"");
		then(this.drafts).should().list(null, null, "sale", false, 0);
	}

	@Test
	void strangersAreSentToSignIn() {
		assertThat(this.mvc.get().uri("/drafts/new")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
	}

	@Test
	@WithMockUser(username = "olga", roles = "OPERATOR")
	void aPostWithoutItsCsrfTokenIsRefused() {
		assertThat(this.mvc.post()
			.uri("/drafts/new")
			.param("title", "Forged")
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "Hi")).hasStatus(403);
		then(this.drafts).shouldHaveNoInteractions();
	}

}
