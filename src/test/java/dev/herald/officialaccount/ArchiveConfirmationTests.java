package dev.herald.officialaccount;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archiving an official account or a target group asks first, over real HTTP: without
 * {@code confirmed} nothing changes and the question names the account or the group (with
 * its members); confirmed, it is archived.
 */
@ApplicationTest
class ArchiveConfirmationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private TestUsers users;

	@Test
	void archivingAnAccountAsksNamingItAndArchivesOnlyOnceConfirmed() {
		CampaignFixtures.App app = this.fixtures.app("Confirm account", 1);
		OfficialAccountView account = app.accounts().get(0);
		WebSession session = operator();
		String page = session.get("/accounts/" + account.id()).body();
		assertThat(WebSession.formTag(page, "action=\"/accounts/" + account.id() + "/archive\""))
			.contains("data-confirm");

		HttpResponse<String> question = session.post("/accounts/" + account.id() + "/archive",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Archive official account " + account.accountId() + "?")
			.contains(account.name() + " (" + account.accountId() + ") is left out of new runs and pickers.")
			.contains(">Archive account</button>");
		assertThat(this.accounts.find(account.id()).orElseThrow().archived()).isFalse();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.accounts.find(account.id()).orElseThrow().archived()).isTrue();
	}

	@Test
	void archivingAGroupAsksNamingItAndItsMembersAndArchivesOnlyOnceConfirmed() {
		CampaignFixtures.App app = this.fixtures.app("Confirm group", 3);
		String name = "Ask first " + app.sdkAppId();
		TargetGroupView group = this.accounts.createDemoGroup(app.id(), name, Set.copyOf(app.accountIds()));
		WebSession session = operator();
		String page = session.get("/accounts/groups/" + group.id()).body();
		assertThat(WebSession.formTag(page, "action=\"/accounts/groups/" + group.id() + "/archive\""))
			.contains("data-confirm");

		HttpResponse<String> question = session.post("/accounts/groups/" + group.id() + "/archive",
				Map.of("_csrf", WebSession.csrf(page)));

		assertThat(question.statusCode()).isEqualTo(200);
		assertThat(question.body()).contains("Archive target group &quot;" + name + "&quot;?")
			.contains("Target group &quot;" + name + "&quot; (3 members) leaves the group list.")
			.contains(">Archive group</button>");
		assertThat(this.accounts.group(group.id()).orElseThrow().archived()).isFalse();

		assertThat(session.confirm(question).statusCode()).isEqualTo(302);
		assertThat(this.accounts.group(group.id()).orElseThrow().archived()).isTrue();
	}

	private WebSession operator() {
		return WebSession.signIn(this.port, this.users.create("archiver", "OPERATOR"));
	}

}
