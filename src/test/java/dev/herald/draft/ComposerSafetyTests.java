package dev.herald.draft;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.herald.support.ApplicationTest;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer over real HTTP refuses media addresses that are not web addresses and
 * control characters in text subscribers read, each next to its field, and gives back
 * everything that was typed.
 */
@ApplicationTest
class ComposerSafetyTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@Test
	void refusalsAppearNextToTheirFieldsAndNothingTypedIsLost() {
		WebSession session = WebSession.signIn(this.port, this.users.create("composer", "OPERATOR"));
		String page = session.get("/drafts/new").body();
		String title = "Unsafe " + System.nanoTime();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", WebSession.csrf(page));
		form.put("submissionToken", WebSession.field(page, "submissionToken"));
		form.put("title", title);
		form.put("elements[0].type", "TIMImageElem");
		form.put("elements[0].fields[UUID]", "img-1");
		form.put("elements[0].fields[ImageFormat]", "1");
		form.put("elements[0].fields[Info1URL]", "javascript:alert(1)");
		form.put("elements[0].fields[Info1Width]", "640");
		form.put("elements[0].fields[Info1Height]", "480");
		form.put("elements[1].type", "TIMTextElem");
		form.put("elements[1].fields[Text]", "Line one\r\nRing\u0007bell");
		form.put("pushTitle", "Sale\u001B[31m");
		form.put("pushDesc", "Fine\ttext");
		form.put("apnsImage", "data:image/png;base64,iVBORw0KGgo=");
		form.put("action", "save");

		HttpResponse<String> response = session.post("/drafts/new", form);

		assertThat(response.statusCode()).isEqualTo(200);
		String html = response.body();
		String webAddress = "must be a complete web address starting with https:// or http://";
		String control = "contains an invisible control character";
		assertThat(html).containsPattern(nextTo("el-0-Info1URL", "javascript:alert(1)", "URL " + webAddress))
			.containsPattern(nextTo("apnsImage", "data:image/png;base64,iVBORw0KGgo=", "Image " + webAddress))
			.containsPattern(nextTo("pushTitle", "Sale\u001B[31m", "Title " + control + " (U+001B)"))
			.containsPattern("id=\"el-1-Text\"[^>]*aria-describedby=\"el-1-Text-error\"[^>]*>"
					+ "Line one\r\nRing\u0007bell</textarea>\\s*"
					+ "<div class=\"invalid-feedback d-block\" id=\"el-1-Text-error\">\\s*<div>Text " + control
					+ " \\(U\\+0007\\)")
			.contains("id=\"pushDesc\" name=\"pushDesc\" value=\"Fine\ttext\">")
			.doesNotContain("class=\"form-control is-invalid\" type=\"text\" id=\"pushDesc\"");
		assertThat(this.jdbc.sql("select count(*) from draft where title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	/**
	 * An input holding what was typed, marked invalid and pointing at its refusal, which
	 * comes right after it.
	 */
	private static String nextTo(String id, String typed, String message) {
		return "<input(?=[^>]*class=\"form-control is-invalid\")(?=[^>]*id=\"" + id + "\")(?=[^>]*aria-describedby=\""
				+ id + "-error\")[^>]*value=\"" + Pattern.quote(typed)
				+ "\">\\s*<div class=\"invalid-feedback d-block\" id=\"" + id + "-error\">\\s*<div>"
				+ Pattern.quote(message);
	}

}
