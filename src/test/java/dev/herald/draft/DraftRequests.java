package dev.herald.draft;

import java.util.UUID;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The composer's posts as draft tests make them over MockMvc: a one-text draft saved and
 * its text changed, each answered with a redirect.
 */
final class DraftRequests {

	private DraftRequests() {
	}

	/**
	 * Saves a new draft of one text element, its notes the title.
	 * @return the draft's id
	 */
	static long create(MockMvcTester mvc, String user, String title, String text) {
		MvcTestResult result = mvc.post()
			.uri("/drafts/new")
			.with(user(user).roles("OPERATOR"))
			.with(csrf())
			.param("title", title)
			.param("notes", title)
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", text)
			.exchange();
		assertThat(result).hasStatus(302);
		return Long.parseLong(result.getResponse().getRedirectedUrl().substring("/drafts/".length()));
	}

	/**
	 * Replaces the draft's text, keeping its title and notes, from its current version.
	 */
	static MvcTestResult edit(MockMvcTester mvc, DraftView view, String user, String text) {
		MvcTestResult result = mvc.post()
			.uri("/drafts/" + view.draft().getId() + "/edit")
			.with(user(user).roles("OPERATOR", "EDITOR"))
			.with(csrf())
			.param("title", view.draft().getTitle())
			.param("notes", view.draft().getNotes())
			.param("version", String.valueOf(view.draft().getVersion()))
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", text)
			.exchange();
		assertThat(result).hasStatus(302);
		return result;
	}

	/** A user name no other test uses. */
	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
