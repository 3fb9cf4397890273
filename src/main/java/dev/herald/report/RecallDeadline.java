package dev.herald.report;

import java.time.Instant;

import dev.herald.chatapp.ChatAppView;

/**
 * Until when one sent message can be recalled: Tencent recalls only within its Chat app's
 * message history period.
 *
 * @param until the end of the period
 * @param open whether that end was still ahead when the page was made
 */
record RecallDeadline(Instant until, boolean open) {

	static RecallDeadline of(ChatAppView app, Instant sentAt, Instant now) {
		Instant until = app.recallableUntil(sentAt);
		return new RecallDeadline(until, until.isAfter(now));
	}

}
