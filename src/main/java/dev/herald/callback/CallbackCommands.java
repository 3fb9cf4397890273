package dev.herald.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.herald.chatapp.CallbackJournal;
import dev.herald.chatapp.CallbackTrust;
import dev.herald.delivery.Deliveries;
import dev.herald.officialaccount.OfficialAccounts;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Hands a verified callback to the module that owns what it reports. Commands Herald does
 * not use are answered OK and ignored, as Tencent expects.
 */
@Component
class CallbackCommands {

	static final String AFTER_SEND = "OfficialAccount.CallbackAfterSendMsg";

	static final String AFTER_RECALL = "OfficialAccount.CallbackAfterMsgWithDraw";

	static final String DESTROYED = "OfficialAccount.CallbackAfterOfficialAccountDestroyed";

	static final String SUBSCRIBERS_ADDED = "OfficialAccount.CallbackAfterAddSubscriber";

	static final String SUBSCRIBERS_DELETED = "OfficialAccount.CallbackAfterDeleteSubscriber";

	static final String RATE_ALERT = "Alert.RequestOverLimit";

	static final List<String> KNOWN = List.of(AFTER_SEND, AFTER_RECALL, DESTROYED, SUBSCRIBERS_ADDED,
			SUBSCRIBERS_DELETED, RATE_ALERT);

	private final Deliveries deliveries;

	private final OfficialAccounts accounts;

	private final CallbackJournal journal;

	CallbackCommands(Deliveries deliveries, OfficialAccounts accounts, CallbackJournal journal) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.journal = journal;
	}

	void handle(CallbackTrust app, String command, JsonNode body, Instant now) {
		String account = body.path("Official_Account").asString("");
		switch (command) {
			case AFTER_SEND -> {
				String msgKey = body.path("MsgKey").asString("");
				if (!msgKey.isEmpty()) {
					this.deliveries.settleSent(app.chatAppId(), account, body.path("CloudCustomData").asString(""),
							msgKey, body.path("MsgTime").asLong(0));
				}
			}
			case AFTER_RECALL ->
				this.deliveries.settleRecalled(app.chatAppId(), account, texts(body.path("WithdrawMsgList"), "MsgKey"));
			case DESTROYED -> this.accounts.destroyedAtTencent(app.chatAppId(), account);
			case SUBSCRIBERS_ADDED ->
				this.accounts.subscribersChanged(app.chatAppId(), account, body.path("SubscribeAccountList").size());
			case SUBSCRIBERS_DELETED ->
				this.accounts.subscribersChanged(app.chatAppId(), account, -body.path("SubscribeAccountList").size());
			case RATE_ALERT -> this.journal.rateAlert(app.chatAppId(), body.path("Command").asString(""),
					body.path("Request").asInt(0), body.path("Limit").asInt(0), now);
			default -> {
				// Not one Herald uses: Tencent only needs the OK.
			}
		}
	}

	private static List<String> texts(JsonNode items, String field) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : items) {
			String text = item.path(field).asString("");
			if (!text.isEmpty()) {
				texts.add(text);
			}
		}
		return texts;
	}

}
