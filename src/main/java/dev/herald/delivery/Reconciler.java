package dev.herald.delivery;

import java.time.Duration;
import java.util.List;

import dev.herald.tencent.CallResult;
import dev.herald.tencent.ChatAppConnection;
import dev.herald.tencent.MsgGetSimpleRequest;
import dev.herald.tencent.MsgGetSimpleResponse;
import dev.herald.tencent.TencentChatClient;
import org.jspecify.annotations.Nullable;

/**
 * Settles a delivery whose call may have landed by looking for it in the OA's history
 * (newest first), by our id in its CloudCustomData. Absent is only concluded once the
 * history reaches back before the first attempt, or ends.
 */
final class Reconciler {

	private static final int HISTORY_PAGE = 20;

	private static final int HISTORY_PAGES = 10;

	/** History this long before the first attempt is old enough to prove absence. */
	private static final Duration HISTORY_SLACK = Duration.ofMinutes(10);

	/** The history's {@code IsFinished}: every message was returned. */
	private static final int ALL_RETURNED = 1;

	/** The history's {@code IsFinished}: older messages have expired. */
	private static final int OLDER_EXPIRED = 2;

	/** {@code WithRecalledMsg}: a recalled message still proves that it landed. */
	private static final int WITH_RECALLED = 1;

	private final TencentChatClient client;

	private final Node node;

	Reconciler(TencentChatClient client, Node node) {
		this.client = client;
		this.node = node;
	}

	Outcome lookup(ChatAppConnection app, Claim claim) {
		long floorSeconds = claim.firstAttemptAt().minus(HISTORY_SLACK).getEpochSecond();
		String lastKey = null;
		for (int page = 0; page < HISTORY_PAGES; page++) {
			CallResult<MsgGetSimpleResponse> result = this.client.getMessages(app,
					new MsgGetSimpleRequest(claim.officialAccount(), lastKey, HISTORY_PAGE, WITH_RECALLED));
			if (!(result instanceof CallResult.Success<MsgGetSimpleResponse> success)) {
				return unknown(claim, "history lookup failed: " + result);
			}
			MsgGetSimpleResponse response = success.response();
			List<MsgGetSimpleResponse.HistoryMessage> items = (response.rspMsgList() != null) ? response.rspMsgList()
					: List.of();
			for (MsgGetSimpleResponse.HistoryMessage item : items) {
				Long id = CloudCustomData.deliveryId(item.cloudCustomData());
				if (id != null && id == claim.id()) {
					return this.node.policy()
						.afterLookup(claim, RetryPolicy.Lookup.FOUND, item.msgKey(), item.msgTime(), null,
								this.node.clock().instant());
				}
				if (item.msgTime() != null && item.msgTime() < floorSeconds) {
					return absent(claim);
				}
			}
			if (response.isFinished() == OLDER_EXPIRED) {
				return unknown(claim, "history expired");
			}
			if (response.isFinished() == ALL_RETURNED || items.isEmpty() || response.lastMsgKey() == null
					|| response.lastMsgKey().isEmpty()) {
				return absent(claim);
			}
			lastKey = response.lastMsgKey();
		}
		return unknown(claim, "history too long");
	}

	private Outcome absent(Claim claim) {
		return this.node.policy()
			.afterLookup(claim, RetryPolicy.Lookup.ABSENT, null, null, null, this.node.clock().instant());
	}

	private Outcome unknown(Claim claim, @Nullable String reason) {
		return this.node.policy()
			.afterLookup(claim, RetryPolicy.Lookup.UNKNOWN, null, null, reason, this.node.clock().instant());
	}

}
