package dev.herald.report;

import java.time.Instant;

/**
 * How long the sent, not yet recalled messages of a run can still be recalled. Each one
 * can be recalled for the Chat app's message history period from its own send time, and a
 * run sends over minutes: after the first deadline only part of them, after the last
 * none.
 *
 * @param firstDeadline when the earliest sent message leaves the period
 * @param lastDeadline when the latest one does
 * @param historyDays the app's message history period
 * @param now when the report was made
 */
record RecallSpan(Instant firstDeadline, Instant lastDeadline, int historyDays, Instant now) {

	/**
	 * What the report says: {@code closed} (nothing can be recalled any more),
	 * {@code partial} (the first deadline has passed, the last not), {@code spread} (all
	 * can be recalled, until two different deadlines) or {@code open} (all, until one).
	 */
	public String phase() {
		if (!this.lastDeadline.isAfter(this.now)) {
			return "closed";
		}
		if (!this.firstDeadline.isAfter(this.now)) {
			return "partial";
		}
		return this.firstDeadline.equals(this.lastDeadline) ? "open" : "spread";
	}

}
