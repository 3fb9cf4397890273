package dev.herald.draft;

import java.nio.charset.StandardCharsets;

import dev.herald.audit.AuditLog;
import dev.herald.support.WebSliceTest;
import dev.herald.tencent.MediaProbe;
import dev.herald.tencent.MessageValidator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
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
			.contains("&quot;abc&quot; is not a number")
			.doesNotContain("id=\"el-0-Longitude\" class=\"form-control is-invalid\"");
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
			.param("elements[1].fields[Text]", "y".repeat(6700))).hasStatusOk().bodyText().contains("12288");
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
