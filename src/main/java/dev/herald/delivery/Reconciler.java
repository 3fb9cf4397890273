package dev.herald.delivery;

import java.time.Duration;
import java.util.List;

import dev.herald.tencent.CallResult;
import dev.herald.tencent.ChatAppConnection;
import dev.herald.tencent.MsgGetSimpleRequest;
import dev.herald.tencent.MsgGetSimpleResponse;
import dev.herald.tencent.MsgGetSimpleResponse.HistoryMessage;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentChatClient;
import org.jspecify.annotations.Nullable;

/**
 * Looks for a delivery that may have landed in its OA's history (newest first) and says
 * only what the history proves. A message is ours when its CloudCustomData carries our
 * delivery id or, where the history leaves that field out, when its Random and body are
 * the ones we sent and its time is not before our first attempt. Absent is concluded only
 * when the history was read back to before the first attempt (or to its end) and every
 * message on the way was judged someone else's; anything else is undecided.
 */
final class Reconciler {

	private static final int HISTORY_PAGE = 20;

	private static final int HISTORY_PAGES = 10;

	/** History this long before the first attempt is old enough to prove absence. */
	private static final Duration HISTORY_SLACK = Duration.ofMinutes(10);

	/** How far Tencent's clock may lag ours: our message's time is not earlier. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	/** The history's {@code IsFinished}: every message was returned. */
	private static final int ALL_RETURNED = 1;

	/** The history's {@code IsFinished}: older messages have expired. */
	private static final int OLDER_EXPIRED = 2;

	/** {@code WithRecalledMsg}: a recalled message still proves that it landed. */
	private static final int WITH_RECALLED = 1;

	private static final int PLACE_HOLDER = 1;

	private final TencentChatClient client;

	Reconciler(TencentChatClient client) {
		this.client = client;
	}

	/**
	 * @param sent the exact message the delivery sends
	 */
	Finding lookup(ChatAppConnection app, Claim claim, OfficialAccountMessage sent) {
		long floor = claim.firstAttemptAt().minus(HISTORY_SLACK).getEpochSecond();
		long earliestOurs = claim.firstAttemptAt().minus(CLOCK_SKEW).getEpochSecond();
		// The first reason met why a message in the range could not be judged.
		DoubtReason doubt = null;
		String lastKey = null;
		for (int page = 0; page < HISTORY_PAGES; page++) {
			CallResult<MsgGetSimpleResponse> result = this.client.getMessages(app,
					new MsgGetSimpleRequest(claim.officialAccount(), lastKey, HISTORY_PAGE, WITH_RECALLED));
			if (!(result instanceof CallResult.Success<MsgGetSimpleResponse> success)) {
				return Finding.unreadable("history lookup failed: " + result);
			}
			MsgGetSimpleResponse response = success.response();
			List<HistoryMessage> items = (response.rspMsgList() != null) ? response.rspMsgList() : List.of();
			for (HistoryMessage item : items) {
				if (item.msgTime() != null && item.msgTime() < floor) {
					return conclusion(doubt);
				}
				Judgement judgement = judge(item, claim, sent, earliestOurs);
				if (judgement == Judgement.OURS) {
					return Finding.found(item.msgKey(), item.msgTime());
				}
				if (doubt == null && judgement != Judgement.SOMEONE_ELSES) {
					doubt = (judgement == Judgement.PLACE_HOLDER) ? DoubtReason.PLACEHOLDER : DoubtReason.UNJUDGEABLE;
				}
			}
			if (response.isFinished() == ALL_RETURNED) {
				return conclusion(doubt);
			}
			if (response.isFinished() == OLDER_EXPIRED) {
				return Finding.undecided((doubt != null) ? doubt : DoubtReason.HISTORY_EXPIRED);
			}
			if (items.isEmpty() || response.lastMsgKey() == null || response.lastMsgKey().isEmpty()) {
				// More was promised but cannot be read: cut short.
				return Finding.undecided((doubt != null) ? doubt : DoubtReason.HISTORY_CUT);
			}
			lastKey = response.lastMsgKey();
		}
		return Finding.undecided((doubt != null) ? doubt : DoubtReason.HISTORY_CUT);
	}

	private static Finding conclusion(@Nullable DoubtReason doubt) {
		return (doubt != null) ? Finding.undecided(doubt) : Finding.absent();
	}

	private enum Judgement {

		OURS, SOMEONE_ELSES, PLACE_HOLDER, CANNOT_TELL

	}

	private static Judgement judge(HistoryMessage item, Claim claim, OfficialAccountMessage sent, long earliestOurs) {
		if (item.isPlaceMsg() != null && item.isPlaceMsg() == PLACE_HOLDER) {
			return Judgement.PLACE_HOLDER;
		}
		String data = item.cloudCustomData();
		if (data != null && !data.isEmpty()) {
			// Every message of ours carries our id in it.
			Long id = CloudCustomData.deliveryId(data);
			return (id != null && id == claim.id()) ? Judgement.OURS : Judgement.SOMEONE_ELSES;
		}
		if (item.msgRandom() == null || item.msgBody() == null || item.msgBody().isEmpty()) {
			return Judgement.CANNOT_TELL;
		}
		if (item.msgRandom() != claim.random()) {
			return Judgement.SOMEONE_ELSES;
		}
		// Our Random: ours if the body is ours too and it is not older than our first
		// attempt. Our Random with another body may be ours as Tencent stores it.
		if (!item.msgBody().equals(sent.msgBody()) || item.msgTime() == null) {
			return Judgement.CANNOT_TELL;
		}
		return (item.msgTime() >= earliestOurs) ? Judgement.OURS : Judgement.SOMEONE_ELSES;
	}

}
