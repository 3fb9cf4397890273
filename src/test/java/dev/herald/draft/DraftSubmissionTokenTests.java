package dev.herald.draft;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.support.ApplicationTest;
import dev.herald.support.AtOnce;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The same new-draft form posted several times at once, over real HTTP in one signed-in
 * session with its CSRF token, as two tabs or an impatient double click would: one draft,
 * every answer a redirect to it, no 5xx.
 */
@ApplicationTest
class DraftSubmissionTokenTests {

	private static final Pattern DRAFT_LOCATION = Pattern.compile("/drafts/(\\d+)(/edit)?$");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private TestUsers users;

	@Test
	void threeParallelIdenticalPostsCreateOneDraft() throws Exception {
		WebSession session = signIn();
		String form = page(session, "/drafts/new");
		String token = WebSession.field(form, "submissionToken");
		String title = "Parallel " + UUID.randomUUID();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", WebSession.csrf(form));
		fields.put("submissionToken", token);
		fields.put("title", title);
		fields.put("elements[0].type", "TIMTextElem");
		fields.put("elements[0].fields[Text]", "Once only");
		fields.put("action", "save");

		List<HttpResponse<String>> answers = AtOnce.repeat(3, () -> session.post("/drafts/new", fields));
		answers.add(session.post("/drafts/new", fields)); // and a late retry

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
		List<Long> landed = answers.stream().map(DraftSubmissionTokenTests::draftId).distinct().toList();
		assertThat(landed).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from draft where title = :title")
			.param("title", title)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select id from draft where submission_token = cast(:token as uuid)")
			.param("token", token)
			.query(Long.class)
			.single()).isEqualTo(landed.get(0));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'draft.created' and object_type = 'draft'"
					+ " and object_id = :id")
			.param("id", String.valueOf(landed.get(0)))
			.query(Long.class)
			.single()).isEqualTo(1);
		// the draft page the answers lead to renders
		assertThat(page(session, "/drafts/" + landed.get(0))).contains(title);
	}

	@Test
	void parallelClonesOfOneFormMakeOneCopy() throws Exception {
		WebSession session = signIn();
		String form = page(session, "/drafts/new");
		String title = "Source " + UUID.randomUUID();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", WebSession.csrf(form));
		fields.put("submissionToken", WebSession.field(form, "submissionToken"));
		fields.put("title", title);
		fields.put("elements[0].type", "TIMTextElem");
		fields.put("elements[0].fields[Text]", "Clone me");
		long source = draftId(session.post("/drafts/new", fields));

		String page = page(session, "/drafts/" + source);
		Map<String, String> clone = new LinkedHashMap<>();
		clone.put("_csrf", WebSession.csrf(page));
		clone.put("submissionToken", WebSession.field(page, "submissionToken"));
		List<HttpResponse<String>> answers = AtOnce.repeat(3,
				() -> session.post("/drafts/" + source + "/clone", clone));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
		assertThat(answers.stream().map(DraftSubmissionTokenTests::draftId).distinct()).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from draft where title = :title")
			.param("title", "Copy of " + title)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRepeatedPostSaysItLandedOnTheFirstDraftAndAGarbledTokenStillCreates() {
		String token = UUID.randomUUID().toString();
		MvcTestResult first = postNew(token, "Repeat " + token);
		MvcTestResult again = postNew(token, "Repeat " + token);
		assertThat(first).hasStatus(302).flash().containsEntry("success", "drafts.created");
		assertThat(again).hasStatus(302).flash().containsEntry("success", "drafts.alreadyCreated");
		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());

		// a form without a usable token still saves, once per POST
		assertThat(postNew("not-a-uuid", "Garbled " + token)).hasStatus(302);
		assertThat(postNew("", "Garbled " + token)).hasStatus(302);
		assertThat(this.jdbc.sql("select count(*) from draft where title = :title and submission_token is null")
			.param("title", "Garbled " + token)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theNewDraftFormCarriesAFreshTokenEachTime() throws Exception {
		WebSession session = signIn();
		String first = WebSession.field(page(session, "/drafts/new"), "submissionToken");
		String second = WebSession.field(page(session, "/drafts/new"), "submissionToken");
		assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
	}

	private MvcTestResult postNew(String token, String title) {
		return this.mvc.post()
			.uri("/drafts/new")
			.with(user("repeater").roles("OPERATOR"))
			.with(csrf())
			.param("submissionToken", token)
			.param("title", title)
			.param("elements[0].type", "TIMTextElem")
			.param("elements[0].fields[Text]", "Again")
			.exchange();
	}

	/** Signs in through the login form; fails unless the sign-in lands. */
	private WebSession signIn() {
		return WebSession.signIn(this.port, this.users.create("twice", "OPERATOR"));
	}

	private static String page(WebSession session, String path) {
		HttpResponse<String> response = session.get(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private static long draftId(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElse("");
		Matcher matcher = DRAFT_LOCATION.matcher(location);
		assertThat(matcher.find()).as("redirect to a draft: %s (%s)", location, response.statusCode()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
