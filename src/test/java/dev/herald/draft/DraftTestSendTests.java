package dev.herald.draft;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.audit.AuditEntry;
import dev.herald.audit.AuditLog;
import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Test sends go through the real client to the simulator over HTTP and are audited.
 */
@ApplicationTest
class DraftTestSendTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ChatApps chatApps;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private SimulatorDirectory simulator;

	@Test
	void sendsTheCurrentVersionToATestAccountAndShowsTheMsgKey() {
		ChatAppView app = newApp();
		OfficialAccountView qa = this.accounts.add(app.id(), "@TOA#_qa", "QA", 1, true);
		long draft = createDraft("op-ts1");

		MvcTestResult result = testSend(draft, qa.id());

		assertThat(result).hasStatus(302).flash().containsEntry("success", "drafts.testSend.sent");
		assertThat(result.getMvcResult().getFlashMap().get("successArg").toString()).isNotBlank();
		List<AuditEntry> timeline = this.audit.timeline("draft", draft);
		assertThat(timeline).extracting(AuditEntry::action).contains("draft.testSent");
		assertThat(timeline.get(timeline.size() - 1).after()).contains("@TOA#_qa").contains("msgKey");
	}

	@Test
	void refusesAnAccountThatIsNotATestAccount() {
		ChatAppView app = newApp();
		OfficialAccountView live = this.accounts.add(app.id(), "@TOA#_live", "Live", 100000, false);
		long draft = createDraft("op-ts2");
		assertThat(testSend(draft, live.id())).hasStatus(403)
			.bodyText()
			.contains("Test sends may only go to an official account marked as a test account.");
	}

	@Test
	void tencentErrorIsShownInWords() {
		ChatAppView app = newApp();
		OfficialAccountView qa = this.accounts.add(app.id(), "@TOA#_qa2", "QA", 1, true);
		long draft = createDraft("op-ts3");
		this.simulator.injectSendFaults(app.sdkAppId(), 1, 1.0, List.of(80001), 0, 0, 0, 0);
		MvcTestResult result = testSend(draft, qa.id());
		assertThat(result).flash().containsEntry("failure", "drafts.testSend.failed");
		assertThat(result.getMvcResult().getFlashMap().get("failureArg").toString()).startsWith("80001 ");
	}

	@Test
	void aTestSendWhileTheAccountsWindowIsFullIsRefusedBeforeTencentIsCalled() {
		ChatAppView app = newApp();
		OfficialAccountView qa = this.accounts.add(app.id(), "@TOA#_qa3", "QA", 1, true);
		long draft = createDraft("op-ts4");
		assertThat(testSend(draft, qa.id())).flash().containsEntry("success", "drafts.testSend.sent");
		// A second test send inside one second: Herald's window says no, not Tencent's
		// 10023.
		MvcTestResult second = testSend(draft, qa.id());
		assertThat(second).flash().containsEntry("failure", "drafts.testSend.windowFull");
		assertThat(second.getMvcResult().getFlashMap().get("failureArg")).isEqualTo(1L);
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.SEND)).isEqualTo(1);
		List<AuditEntry> timeline = this.audit.timeline("draft", draft);
		assertThat(timeline.get(timeline.size() - 1).after()).contains("windowOpensAt");
	}

	@Test
	void thePickerGroupsTestAccountsUnderTheirAppsName() throws Exception {
		ChatAppView first = newApp();
		ChatAppView second = newApp();
		OfficialAccountView qa1 = this.accounts.add(first.id(), "@TOA#_pick1_" + first.sdkAppId(), "QA one", 1, true);
		this.accounts.add(first.id(), "@TOA#_live1_" + first.sdkAppId(), "Live", 9, false);
		OfficialAccountView qa2 = this.accounts.add(second.id(), "@TOA#_pick2_" + second.sdkAppId(), "QA two", 1, true);
		long draft = createDraft("op-ts5");

		String page = this.mvc.get()
			.uri("/drafts/{id}", draft)
			.with(user("tester").roles("OPERATOR"))
			.exchange()
			.getResponse()
			.getContentAsString();
		String picker = page.substring(page.indexOf("id=\"test-send\""), page.indexOf("id=\"test-send-submit\""))
			.replaceAll("\\s+", " ");
		assertThat(picker)
			.contains("<optgroup label=\"" + first.name() + "\"> <option value=\"" + qa1.id() + "\">" + qa1.accountId()
					+ " · QA one</option> </optgroup>")
			.contains("<optgroup label=\"" + second.name() + "\"> <option value=\"" + qa2.id() + "\">" + qa2.accountId()
					+ " · QA two</option> </optgroup>")
			.doesNotContain("@TOA#_live1_");
	}

	private MvcTestResult testSend(long draft, long account) {
		return this.mvc.post()
			.uri("/drafts/{id}/test-send", draft)
			.with(user("tester").roles("OPERATOR"))
			.with(csrf())
			.param("account", String.valueOf(account))
			.exchange();
	}

	private long createDraft(String author) {
		return DraftRequests.create(this.mvc, author, "Test send", "Hello from a test send");
	}

	private ChatAppView newApp() {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_700_000_000L, 1_799_999_999L);
		return this.chatApps.create(
				new ChatAppSettings("Test sends " + sdkAppId, sdkAppId, Endpoint.SIMULATOR, null, "administrator", 200),
				"ab".repeat(32));
	}

}
