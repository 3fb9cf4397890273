package dev.herald.draft;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.delivery.TestBroadcasts;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.shared.RuleViolationException;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a draft's current version to one test official account through the real client,
 * so an operator can see it on a phone before anyone approves it. It goes through the
 * delivery engine's per-OA windows (refused while the OA's window is full, counted in it
 * afterwards). The outcome is audited.
 */
@Service
class DraftTestSends {

	private final Drafts drafts;

	private final OfficialAccounts accounts;

	private final TestBroadcasts broadcasts;

	private final AuditLog audit;

	private final SecureRandom random = new SecureRandom();

	DraftTestSends(Drafts drafts, OfficialAccounts accounts, TestBroadcasts broadcasts, AuditLog audit) {
		this.drafts = drafts;
		this.accounts = accounts;
		this.broadcasts = broadcasts;
		this.audit = audit;
	}

	@Transactional
	TestSendResult send(long draftId, long officialAccountId) {
		DraftVersion version = this.drafts.view(draftId).current();
		OfficialAccountView account = this.accounts.find(officialAccountId)
			.filter(OfficialAccountView::testAccount)
			.orElseThrow(() -> new RuleViolationException("drafts.testSend.notTestAccount"));
		OfficialAccountMessage content = TencentJson.fromJson(version.getContentJson(), OfficialAccountMessage.class);
		// A fresh Random per test send: each one is meant to arrive, not to be
		// deduplicated.
		OfficialAccountMessage message = new OfficialAccountMessage(account.accountId(),
				this.random.nextLong(0, 4_294_967_296L), content.msgBody(), content.cloudCustomData(),
				content.offlinePushInfo(), content.onlineOnlyFlag(), content.sendMsgControl(),
				content.forbidCallbackControl());
		TestSendResult outcome = TestSendResult.of(this.broadcasts.send(account.chatAppId(), message));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version.getNumber());
		details.put("officialAccount", account.accountId());
		details.put("ok", outcome.ok());
		if (outcome.msgKey() != null) {
			details.put("msgKey", outcome.msgKey());
		}
		if (outcome.errorCode() != 0) {
			details.put("errorCode", outcome.errorCode());
		}
		if (outcome.windowOpensAt() != null) {
			details.put("windowOpensAt", outcome.windowOpensAt().toString());
		}
		this.audit.record(AuditRecord.of("draft.testSent", "draft", draftId).withAfter(details));
		return outcome;
	}

}
