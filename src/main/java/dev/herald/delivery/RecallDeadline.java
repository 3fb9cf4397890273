package dev.herald.delivery;

import java.time.Instant;

import dev.herald.chatapp.ChatAppView;

/**
 * How long one sent message can be recalled.
 *
 * @param sentAt when Tencent took it
 * @param historyDays its Chat app's message history period
 * @param until the end of that period: Tencent recalls only before it
 * @param open whether that end was still ahead when this was read
 */
record RecallDeadline(Instant sentAt, int historyDays, Instant until, boolean open) {

	static RecallDeadline of(ChatAppView app, Instant sentAt, Instant now) {
		Instant until = app.recallableUntil(sentAt);
		return new RecallDeadline(sentAt, app.messageHistoryDays(), until, until.isAfter(now));
	}

}
