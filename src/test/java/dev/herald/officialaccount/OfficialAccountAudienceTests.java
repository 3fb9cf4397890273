package dev.herald.officialaccount;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Audiences at scale on PostgreSQL: tags by CSV, the filtered and keyset-paged list, bulk
 * actions on a filter, dynamic groups and big static groups.
 */
@ApplicationTest
class OfficialAccountAudienceTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void csvImportSetsTagsAndAReImportUpdatesThem() {
		CampaignFixtures.App app = newApp();
		assertThat(upload(app.id(), "account_id,name,tags\n@TOA#_t1,One,store;region:apac\n@TOA#_t2,Two,\n"))
			.hasStatus(302);
		assertThat(tagsOf(app.id())).containsEntry("@TOA#_t1", List.of("region:apac", "store"))
			.containsEntry("@TOA#_t2", List.of());
		// Without a tags column the tags stay; with one they are replaced.
		assertThat(upload(app.id(), "@TOA#_t1,One again\n")).hasStatus(302);
		assertThat(tagsOf(app.id())).containsEntry("@TOA#_t1", List.of("region:apac", "store"));
		assertThat(upload(app.id(), "account_id,tags\n@TOA#_t1,vip|Store\n")).hasStatus(302)
			.flash()
			.containsEntry("successArg", 0)
			.containsEntry("successArg2", 1);
		assertThat(tagsOf(app.id())).containsEntry("@TOA#_t1", List.of("store", "vip"));
	}

	@Test
	void importOfFiveThousandRowsIsOneStatementAway() {
		CampaignFixtures.App app = newApp();
		long started = System.nanoTime();
		assertThat(upload(app.id(), csv(5_000, (i) -> (i % 2 == 0) ? "even" : "odd"))).hasStatus(302);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(count(app.id())).isEqualTo(5_000);
		// Generous: entity saves took tens of seconds here; the SQL import well under
		// one.
		assertThat(millis).isLessThan(10_000);
	}

	@Test
	void listSearchesFiltersByTagAndPagesByKeyset() {
		CampaignFixtures.App app = newApp();
		upload(app.id(), csv(120, (i) -> (i < 70) ? "store" : "web"));
		MvcTestResult first = list("/accounts?app=" + app.id() + "&tag=store");
		AccountSearch.Page page = page(first);
		assertThat(page.total()).isEqualTo(70);
		assertThat(page.rows()).hasSize(AccountSearch.PAGE_SIZE);
		assertThat(page.next()).isNotNull();
		String next = (String) first.getMvcResult().getModelAndView().getModel().get("nextLink");
		assertThat(next).doesNotContain("offset").contains("after=");
		AccountSearch.Page second = page(list(next));
		assertThat(second.rows()).hasSize(20);
		assertThat(second.next()).isNull();
		assertThat(second.rows().get(0).accountId()).isGreaterThan(page.rows().get(49).accountId());
		// Search on id or name, and the htmx request gets the results fragment only.
		MvcTestResult search = this.mvc.get()
			.uri(URI.create("/accounts?app=" + app.id() + "&q=Store%200007"))
			.header("HX-Request", "true")
			.with(user("op").roles("OPERATOR"))
			.exchange();
		assertThat(search).hasStatusOk().bodyText().contains("@TOA#_acc0007").doesNotContain("<nav class=\"navbar");
		assertThat(page(search).total()).isEqualTo(1);
	}

	@Test
	void bulkTagAndArchiveApplyToEveryMatchingAccountAfterAConfirmationNamingTheCount() {
		CampaignFixtures.App app = newApp();
		upload(app.id(), csv(30, (i) -> (i < 12) ? "apac" : ""));
		String filter = "app=" + app.id() + "&tag=apac";
		assertThat(list("/accounts/bulk?" + filter + "&action=TAG&bulkTag=Store")).hasStatusOk()
			.bodyText()
			.contains("Add tag store to 12 accounts?");
		// A stale count asks again instead of acting.
		assertThat(bulk(filter, "TAG", "store", 11)).hasStatusOk().bodyText().contains("Add tag store to 12 accounts?");
		assertThat(bulk(filter, "TAG", "store", 12)).hasStatus(302).flash().containsEntry("successArg", 12L);
		assertThat(tagsOf(app.id()).values().stream().filter((tags) -> tags.contains("store")).count()).isEqualTo(12);
		assertThat(list("/accounts/bulk?" + filter + "&action=TAG&bulkTag=store")).bodyText()
			.contains("Add tag store to 0 accounts?");
		assertThat(bulk("app=" + app.id() + "&tag=store", "ARCHIVE", "", 12)).hasStatus(302);
		assertThat(page(list("/accounts?app=" + app.id())).total()).isEqualTo(18);
		assertThat(page(list("/accounts?app=" + app.id() + "&archived=ONLY")).total()).isEqualTo(12);
		assertThat(this.jdbc
			.sql("select after_state::text from audit_event where action = 'account.bulk.archive' and object_id = ?")
			.param(String.valueOf(app.id()))
			.query(String.class)
			.single()).contains("\"accounts\": 12").contains("store");
		assertThat(bulk("app=" + app.id() + "&archived=ONLY", "RESTORE", "", 12)).hasStatus(302);
		assertThat(page(list("/accounts?app=" + app.id())).total()).isEqualTo(30);
	}

	@Test
	void bulkActionWithoutATagIsRefusedNextToTheField() {
		CampaignFixtures.App app = newApp();
		assertThat(list("/accounts/bulk?app=" + app.id() + "&action=TAG&bulkTag=")).hasStatusOk()
			.bodyText()
			.contains("Enter the tag.");
		assertThat(list("/accounts/bulk?app=" + app.id() + "&archived=NONSENSE")).hasStatusOk()
			.bodyText()
			.contains("Choose what to do.");
	}

	@Test
	void dynamicGroupCountsItsMatchesBeforeAndAfterSaving() {
		CampaignFixtures.App app = newApp();
		upload(app.id(), csv(40, (i) -> (i < 15) ? "store;vip" : "store"));
		assertThat(list("/accounts/groups/count?chatAppId=" + app.id() + "&filterTags=vip%20store")).hasStatusOk()
			.bodyText()
			.contains("Matches 15 accounts now.");
		MvcTestResult saved = post("/accounts/groups").param("chatAppId", String.valueOf(app.id()))
			.param("name", "VIP stores")
			.param("dynamic", "true")
			.param("filterTags", "vip store")
			.exchange();
		assertThat(saved).hasStatus(302);
		TargetGroupView group = this.accounts.groupsOf(app.id()).get(0);
		assertThat(group.dynamic()).isTrue();
		assertThat(group.memberCount()).isEqualTo(15);
		assertThat(list("/accounts/groups/" + group.id())).hasStatusOk().bodyText().contains("Members now: 15");
		assertThat(post("/accounts/groups").param("chatAppId", String.valueOf(app.id()))
			.param("name", "No tags")
			.param("dynamic", "true")).hasStatusOk().bodyText().contains("Enter at least one tag.");
	}

	@Test
	void staticGroupOfTwoThousandMembersPostsThemInOneField() {
		CampaignFixtures.App app = newApp();
		upload(app.id(), csv(2_000, (i) -> ""));
		String members = this.accounts.ofApp(app.id())
			.stream()
			.map((account) -> String.valueOf(account.id()))
			.collect(Collectors.joining(","));
		MvcTestResult saved = post("/accounts/groups").param("chatAppId", String.valueOf(app.id()))
			.param("name", "Everyone")
			.param("members", members)
			.exchange();
		assertThat(saved).hasStatus(302);
		TargetGroupView group = this.accounts.groupsOf(app.id()).get(0);
		assertThat(group.memberCount()).isEqualTo(2_000);
		MvcTestResult page = list("/accounts/groups/" + group.id());
		assertThat(page).hasStatusOk().bodyText().contains("Members now: 2,000").contains("id=\"members-next\"");
		// Editing replaces the members; turning the group dynamic drops them.
		TargetGroupForm form = (TargetGroupForm) page.getMvcResult().getModelAndView().getModel().get("form");
		assertThat(form.getMembers()).hasSize(2_000);
		String ten = form.getMembers().stream().limit(10).map(String::valueOf).collect(Collectors.joining(","));
		assertThat(post("/accounts/groups/" + group.id()).param("chatAppId", String.valueOf(app.id()))
			.param("name", "Ten")
			.param("version", String.valueOf(form.getVersion()))
			.param("members", ten)).hasStatus(302);
		assertThat(this.accounts.group(group.id()).orElseThrow().memberCount()).isEqualTo(10);
		// A stale version is refused next to the form, never a 500.
		assertThat(post("/accounts/groups/" + group.id()).param("chatAppId", String.valueOf(app.id()))
			.param("name", "Stale")
			.param("version", String.valueOf(form.getVersion()))
			.param("members", ten)).hasStatusOk().bodyText().contains("Someone changed this group meanwhile");
		// Archived groups leave the pickers and come back when restored.
		assertThat(post("/accounts/groups/" + group.id() + "/archive").param("confirmed", "true")).hasStatus(302);
		assertThat(this.accounts.groupsOf(app.id())).isEmpty();
		assertThat(post("/accounts/groups/" + group.id() + "/restore")).hasStatus(302);
		assertThat(this.accounts.groupsOf(app.id())).hasSize(1);
	}

	@Test
	void staticGroupMembersMayBeUploadedAsCsvAndUnknownIdsAreReportedByLine() {
		CampaignFixtures.App app = newApp();
		upload(app.id(), csv(5, (i) -> ""));
		MvcTestResult refused = this.mvc.perform(MockMvcRequestBuilders.multipart("/accounts/groups")
			.file(new MockMultipartFile("membersFile", "m.csv", "text/csv",
					"account_id\n@TOA#_acc0001\n@TOA#_nobody\n".getBytes(StandardCharsets.UTF_8)))
			.param("chatAppId", String.valueOf(app.id()))
			.param("name", "Upload")
			.with(csrf())
			.with(user("op").roles("OPERATOR")));
		assertThat(refused).hasStatusOk().bodyText().contains("Line 3:").contains("@TOA#_nobody");
		MvcTestResult saved = this.mvc.perform(MockMvcRequestBuilders.multipart("/accounts/groups")
			.file(new MockMultipartFile("membersFile", "m.csv", "text/csv",
					"@TOA#_acc0001\n@TOA#_acc0002\n".getBytes(StandardCharsets.UTF_8)))
			.param("chatAppId", String.valueOf(app.id()))
			.param("name", "Upload")
			.with(csrf())
			.with(user("op").roles("OPERATOR")));
		assertThat(saved).hasStatus(302);
		assertThat(this.accounts.groupsOf(app.id()).get(0).memberCount()).isEqualTo(2);
	}

	@Test
	void accountTagsAreEditedAndArchivedAccountsLeaveTheList() {
		CampaignFixtures.App app = newApp();
		OfficialAccountView account = this.accounts.add(app.id(), "@TOA#_edit", "Edit me", 0, false);
		assertThat(post("/accounts/" + account.id()).param("chatAppId", String.valueOf(app.id()))
			.param("name", "Edited")
			.param("tags", "Store, region:APAC")).hasStatus(302);
		assertThat(this.accounts.find(account.id()).orElseThrow().tags()).containsExactly("region:apac", "store");
		assertThat(post("/accounts/" + account.id()).param("chatAppId", String.valueOf(app.id()))
			.param("name", "Edited")
			.param("tags", "x".repeat(101))).hasStatusOk()
			.bodyText()
			.contains("A tag can be at most 100 characters long.");
		assertThat(post("/accounts/" + account.id() + "/archive").param("confirmed", "true")).hasStatus(302);
		assertThat(page(list("/accounts?app=" + app.id())).total()).isZero();
		assertThat(list("/accounts?app=" + app.id() + "&archived=SHOW")).bodyText().contains("Archived");
	}

	@Test
	void hostileNamesAndTagsAreEscaped() {
		CampaignFixtures.App app = newApp();
		upload(app.id(), "account_id,name,tags\n@TOA#_x1,<script>alert(1)</script>,<b>bold</b>;<img/src=x>\n");
		assertThat(list("/accounts?app=" + app.id())).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert(1)")
			.doesNotContain("<b>bold")
			.doesNotContain("<img/src=x>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;b&gt;bold&lt;/b&gt;");
		assertThat(this.mvc.get()
			.uri("/accounts/bulk")
			.param("app", String.valueOf(app.id()))
			.param("action", "TAG")
			.param("bulkTag", "<i>x</i>")
			.with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.doesNotContain("<i>x</i>")
			.contains("&lt;i&gt;x&lt;/i&gt;");
	}

	private MvcTestResult list(String uri) {
		// Already encoded, as the pages write their links.
		return this.mvc.get().uri(URI.create(uri)).with(user("op").roles("OPERATOR")).exchange();
	}

	private MockMvcRequestBuilder post(String uri) {
		return this.mvc.post().uri(uri).with(csrf()).with(user("op").roles("OPERATOR"));
	}

	private MvcTestResult bulk(String filter, String action, String tag, long expected) {
		var request = this.mvc.post()
			.uri(URI.create("/accounts/bulk?" + filter))
			.with(csrf())
			.with(user("op").roles("OPERATOR"));
		return request.param("action", action)
			.param("bulkTag", tag)
			.param("expected", String.valueOf(expected))
			.exchange();
	}

	private static AccountSearch.Page page(MvcTestResult result) {
		return (AccountSearch.Page) result.getMvcResult().getModelAndView().getModel().get("page");
	}

	private Map<String, List<String>> tagsOf(long appId) {
		return this.accounts.ofApp(appId)
			.stream()
			.collect(Collectors.toMap(OfficialAccountView::accountId, OfficialAccountView::tags));
	}

	private long count(long appId) {
		return this.jdbc.sql("select count(*) from official_account where chat_app_id = ?")
			.param(appId)
			.query(Long.class)
			.single();
	}

	private static String csv(int rows, IntFunction<String> tags) {
		StringBuilder csv = new StringBuilder("account_id,name,subscriber_count,test,tags\n");
		for (int i = 0; i < rows; i++) {
			csv.append(String.format("@TOA#_acc%04d,Store %04d,%d,false,%s%n", i, i, i, tags.apply(i)));
		}
		return csv.toString();
	}

	private MvcTestResult upload(long appId, String csv) {
		return this.mvc.perform(MockMvcRequestBuilders.multipart("/accounts/import")
			.file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("app", String.valueOf(appId))
			.with(csrf())
			.with(user("op").roles("OPERATOR")));
	}

	private CampaignFixtures.App newApp() {
		return this.fixtures.simulatorApp("OA scale", 0, 200);
	}

}
