package dev.herald.draft;

import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static dev.herald.draft.DraftRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * "Fill from URL" in the composer over HTTP: the button beside every media URL, and every
 * failure as a message beside the URL field with nothing typed lost. (The fetch itself,
 * success included, is {@code MediaProbeTests}: the application's guard refuses the
 * loopback address a test server listens on.)
 */
@ApplicationTest
class DraftMediaFillTests {

	@Autowired
	private MockMvcTester mvc;

	private final String author = unique("mia");

	@Test
	void mediaUrlsHaveAFillButtonThatUpdatesOnlyTheirElement() {
		assertThat(compose("add-TIMImageElem", "")).hasStatusOk()
			.bodyText()
			.contains("id=\"fill-1-Info1URL\"", "id=\"fill-1-Info2URL\"", "data-hx-select=\"#element-1\"",
					"data-hx-target=\"#element-1\"")
			.doesNotContain("id=\"fill-0-Text\"");
	}

	@Test
	void aLocalAddressIsRefusedBesideTheFieldAndTheTypingStays() {
		assertThat(compose("fill-1-Info1URL", "http://127.0.0.1:8080/logo.png")).hasStatusOk()
			.bodyText()
			.contains("Herald does not fetch from this address", "value=\"http://127.0.0.1:8080/logo.png\"",
					">Keep every word</textarea>", "value=\"Typed title\"")
			.contains("id=\"el-1-Info1URL\"")
			.containsPattern("id=\"el-1-Info1URL\"[^>]*is-invalid|is-invalid[^>]*id=\"el-1-Info1URL\"");
		assertThat(compose("fill-1-Info1URL", "http://169.254.169.254/latest/meta-data/")).hasStatusOk()
			.bodyText()
			.contains("Herald does not fetch from this address");
	}

	@Test
	void otherProblemsAreNamedToo() {
		assertThat(compose("fill-1-Info1URL", "file:///etc/passwd")).hasStatusOk()
			.bodyText()
			.contains("Enter a full http:// or https:// URL");
		assertThat(compose("fill-1-Info1URL", "")).hasStatusOk().bodyText().contains("Enter the file URL first.");
		// A forged target is ignored, never a server error.
		assertThat(compose("fill-9-Info1URL", "http://127.0.0.1/")).hasStatusOk();
		assertThat(compose("fill-x-y", "http://127.0.0.1/")).hasStatusOk();
		assertThat(compose("fill-0-Text", "http://127.0.0.1/")).hasStatusOk()
			.bodyText()
			.doesNotContain("Herald does not fetch from this address");
	}

	@Test
	void anHtmxFillAnswersTheSamePageForTheElementToBePickedFrom() {
		assertThat(compose("fill-1-Info1URL", "http://localhost/logo.png").header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("id=\"element-1\"", "Herald does not fetch from this address");
	}

	private MockMvcTester.MockMvcRequestBuilder compose(String action, String url) {
		MockMvcRequestBuilder request = this.mvc.post()
			.uri("/drafts/new")
			.with(user(this.author).roles("OPERATOR"))
			.with(csrf())
			.param("action", action)
			.param("title", "Typed title")
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "Keep every word");
		if (!action.startsWith("add-")) {
			request.param("elements[1].type", "TIMImageElem").param("elements[1].fields[Info1URL]", url);
		}
		return request;
	}

}
