package dev.herald.officialaccount;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import dev.herald.support.Html;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Official accounts end to end on PostgreSQL, with sync over real HTTP against the
 * simulator.
 */
@ApplicationTest
class OfficialAccountManagementTests {

	private static final String KEY = "c0ffee" + "0".repeat(58);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private SimulatorDirectory simulator;

	@LocalServerPort
	private int port;

	@Test
	void filterValuesTheListCannotUseAreNamedNotDroppedInSilence() throws Exception {
		MvcTestResult result = this.mvc.get()
			.uri("/accounts?app=abc&archived=NEVER&q=shop")
			.with(user("olga").roles("OPERATOR"))
			.exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Html.childTexts(html, "filter-ignored-values")).containsExactly("Chat app: \"abc\"",
				"Archived accounts: \"NEVER\"");
		assertThat(Html.text(html, "filter-ignored")).startsWith("These filter values were not understood");
	}

	@Test
	void operatorImportsAHundredAccountsFromCsv() {
		ChatAppView app = newApp();
		StringBuilder csv = new StringBuilder("account_id,name,subscriber_count,test\n");
		for (int i = 0; i < 100; i++) {
			csv.append("@TOA#_imp").append(i).append(",Store ").append(i).append(',').append(i * 10).append(",false\n");
		}
		assertThat(upload(app.id(), csv.toString())).hasStatus(302)
			.flash()
			.containsEntry("success", "accounts.imported");
		assertThat(this.accounts.ofApp(app.id())).hasSize(100);
		assertThat(this.accounts.ofApp(app.id()).get(0).name()).startsWith("Store ");
	}

	@Test
	void aBadRowIsReportedByLineNumberAndNothingIsImported() {
		ChatAppView app = newApp();
		String csv = "account_id,name\n@TOA#_fine1,One\n@TOA#_fine2,Two\nnot-an-oa,Three\n@TOA#_fine4,Four\n";
		assertThat(upload(app.id(), csv)).hasStatusOk()
			.bodyText()
			.contains("Line 4:")
			.contains("&quot;not-an-oa&quot; is not an official account ID");
		assertThat(this.accounts.ofApp(app.id())).isEmpty();
	}

	@Test
	void reImportUpdatesInsteadOfDuplicating() {
		ChatAppView app = newApp();
		upload(app.id(), "@TOA#_again,Old name\n");
		assertThat(upload(app.id(), "@TOA#_again,New name,5\n")).hasStatus(302);
		assertThat(this.accounts.ofApp(app.id())).singleElement()
			.satisfies((account) -> assertThat(account.name()).isEqualTo("New name"));
	}

	@Test
	void idWithoutPrefixIsRefusedNextToTheField() {
		ChatAppView app = newApp();
		assertThat(this.mvc.post()
			.uri("/accounts")
			.with(csrf())
			.with(user("op").roles("OPERATOR"))
			.param("chatAppId", String.valueOf(app.id()))
			.param("accountId", "news")
			.param("name", "News")).hasStatusOk().model().extractingBindingResult("form").hasFieldErrors("accountId");
		assertThat(this.accounts.ofApp(app.id())).isEmpty();
	}

	@Test
	void syncFetchesNamesAndSubscriberCountsFromTencent() {
		// A custom endpoint at the simulator's address: Herald does not register its
		// accounts there, so the simulator knows only what this test tells it.
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_500_000_000L, 1_599_999_999L);
		ChatAppView app = this.chatApps.create(new ChatAppSettings("OA sync " + sdkAppId, sdkAppId, Endpoint.CUSTOM,
				"http://127.0.0.1:" + this.port + "/sim", "administrator", 200), KEY);
		this.simulator.registerApp(sdkAppId, "administrator", KEY, 200);
		this.accounts.add(app.id(), "@TOA#_known", "Placeholder", 0, false);
		this.accounts.add(app.id(), "@TOA#_unknown", "Nobody", 0, false);
		// The simulator knows only one of them, under another name.
		this.simulator.registerAccount(app.sdkAppId(), "@TOA#_known", "Real name", 4242);
		assertThat(this.mvc.post()
			.uri("/accounts/sync")
			.param("app", String.valueOf(app.id()))
			.with(csrf())
			.with(user("op").roles("OPERATOR"))).hasStatus(302).flash().containsEntry("successArg", "1 / 1");
		OfficialAccountView known = this.accounts.ofApp(app.id())
			.stream()
			.filter((a) -> a.accountId().equals("@TOA#_known"))
			.findFirst()
			.orElseThrow();
		assertThat(known.name()).isEqualTo("Real name");
		assertThat(known.subscriberCount()).isEqualTo(4242);
		assertThat(known.syncedAt()).isNotNull();
	}

	@Autowired
	private Audiences audiences;

	@Test
	void targetsOfAccountsAndGroupsAreDeduplicated() {
		ChatAppView app = newApp();
		OfficialAccountView a = this.accounts.add(app.id(), "@TOA#_ga", "A", 0, false);
		OfficialAccountView b = this.accounts.add(app.id(), "@TOA#_gb", "B", 0, false);
		TargetGroupView group = this.accounts.createGroup(app.id(), "Both", null, Set.of(a.id(), b.id()));
		assertThat(this.audiences.members(app.id(),
				List.of(AudienceSource.account(a.id()), AudienceSource.group(group.id()))))
			.containsExactly("@TOA#_ga", "@TOA#_gb");
		ChatAppView other = newApp();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audiences.members(other.id(), List.of(AudienceSource.account(a.id()))));
	}

	@Test
	void groupMembersMustBelongToTheGroupsApp() {
		ChatAppView app = newApp();
		ChatAppView other = newApp();
		OfficialAccountView foreign = this.accounts.add(other.id(), "@TOA#_foreign", "F", 0, false);
		assertThat(this.mvc.post()
			.uri("/accounts/groups")
			.with(csrf())
			.with(user("op").roles("OPERATOR"))
			.param("chatAppId", String.valueOf(app.id()))
			.param("name", "Sneaky")
			.param("members", String.valueOf(foreign.id()))).hasStatusOk()
			.bodyText()
			.contains("Every member must be an official account of this Chat app.");
	}

	@Test
	void pagesEscapeHostileNames() {
		ChatAppView app = newApp();
		this.accounts.add(app.id(), "@TOA#_xss", "<img src=x onerror=alert(1)>", 0, false);
		assertThat(this.mvc.get().uri("/accounts?app=" + app.id()).with(user("op").roles("OPERATOR"))).hasStatusOk()
			.bodyText()
			.doesNotContain("<img src=x")
			.contains("&lt;img src=x onerror=alert(1)&gt;");
	}

	private MvcTestResult upload(long appId, String csv) {
		return this.mvc.perform(MockMvcRequestBuilders.multipart("/accounts/import")
			.file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("app", String.valueOf(appId))
			.with(csrf())
			.with(user("op").roles("OPERATOR")));
	}

	private ChatAppView newApp() {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_500_000_000L, 1_599_999_999L);
		return this.chatApps.create(
				new ChatAppSettings("OA test " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200),
				KEY);
	}

}
