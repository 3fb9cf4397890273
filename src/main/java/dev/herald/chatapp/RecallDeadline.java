package dev.herald.chatapp;

import java.time.Instant;

/**
 * How long one sent message can be recalled: Tencent recalls only within its Chat app's
 * message history period, counted from its own send time.
 *
 * @param sentAt when Tencent took it
 * @param historyDays its Chat app's message history period
 * @param until the end of that period
 * @param open whether that end was still ahead when this was read
 */
public record RecallDeadline(Instant sentAt, int historyDays, Instant until, boolean open) {
}
