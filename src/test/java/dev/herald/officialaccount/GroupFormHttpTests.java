package dev.herald.officialaccount;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.herald.support.ApplicationTest;
import dev.herald.support.AtOnce;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group forms over real HTTP, through Tomcat and its limits: 2,000 members travel in one
 * field (Tomcat refuses more than 1,000 parameters), and the same group saved three times
 * at once makes one group and no server error.
 */
@ApplicationTest
class GroupFormHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@Test
	void twoThousandMembersTravelInOneFieldPastTomcatsParameterLimit() {
		CampaignFixtures.App app = this.campaignFixtures.app("Big group", 0);
		this.jdbc.sql("""
				insert into official_account (chat_app_id, account_id, name, created_at, updated_at)
				select ?, '@TOA#_big_' || n, 'Big ' || n, now(), now() from generate_series(1, 2000) n""")
			.param(app.id())
			.update();
		List<Long> ids = this.jdbc.sql("select id from official_account where chat_app_id = ?")
			.param(app.id())
			.query(Long.class)
			.list();
		WebSession session = signIn();
		Map<String, String> form = form(session, app.id(), "Two thousand");
		form.put("dynamic", "false");
		form.put("members", ids.stream().map(String::valueOf).collect(Collectors.joining(",")));

		HttpResponse<String> response = session.post("/accounts/groups", form);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("""
				select count(*) from target_group_member m join target_group g on g.id = m.target_group_id
				where g.chat_app_id = ? and g.name = 'Two thousand'""").param(app.id()).query(Long.class).single())
			.isEqualTo(2000);
	}

	@Test
	void theSameGroupSavedThreeTimesAtOnceMakesOneGroupAndNoServerError() throws Exception {
		CampaignFixtures.App app = this.campaignFixtures.app("Group race", 1);
		WebSession session = signIn();
		Map<String, String> form = form(session, app.id(), "Stores");
		form.put("dynamic", "true");
		form.put("filterTags", "store");
		List<Integer> statuses = AtOnce.repeat(3, () -> session.post("/accounts/groups", form))
			.stream()
			.map(HttpResponse::statusCode)
			.toList();
		assertThat(statuses).allSatisfy((status) -> assertThat(status).isLessThan(500)).contains(302);
		assertThat(this.jdbc.sql("select count(*) from target_group where chat_app_id = ? and name = 'Stores'")
			.param(app.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private WebSession signIn() {
		return WebSession.signIn(this.port, this.users.create("grouper", "OPERATOR"));
	}

	private static Map<String, String> form(WebSession session, long appId, String name) {
		String page = session.get("/accounts/groups/new?app=" + appId).body();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", WebSession.csrf(page));
		form.put("chatAppId", String.valueOf(appId));
		form.put("name", name);
		form.put("version", "0");
		return form;
	}

}
