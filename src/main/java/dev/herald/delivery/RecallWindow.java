package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;

import dev.herald.chatapp.RecallDeadline;

import org.jspecify.annotations.Nullable;

/**
 * How long the sent, not yet recalled messages of a run or campaign can still be
 * recalled. Tencent recalls a message only within its Chat app's message history period,
 * counted from its own send time; a run sends over minutes and a campaign over many
 * fires, so recall becomes partial after the first deadline and impossible after the
 * last.
 *
 * @param recallable messages still within the period
 * @param pastWindow messages whose period has ended
 * @param firstDeadline when the earliest sent message leaves the period, {@code null}
 * when there is nothing to recall
 * @param lastDeadline when the latest sent message leaves it: nothing can be recalled
 * after it
 * @param historyDays the app's message history period (of the app of the last deadline,
 * should a campaign's runs ever span apps)
 */
public record RecallWindow(int recallable, int pastWindow, @Nullable Instant firstDeadline,
		@Nullable Instant lastDeadline, int historyDays) {

	static final RecallWindow NONE = new RecallWindow(0, 0, null, null, 0);

	/** One message that is past its period. */
	static RecallWindow closed(RecallDeadline deadline) {
		return new RecallWindow(0, 1, deadline.until(), deadline.until(), deadline.historyDays());
	}

	/** Whether there are sent messages and none of them can be recalled any more. */
	public boolean closed() {
		return this.recallable == 0 && this.pastWindow > 0;
	}

	/** Whether some sent messages can still be recalled and others no longer. */
	public boolean partial() {
		return this.recallable > 0 && this.pastWindow > 0;
	}

	/** Whether the first and the last deadline differ (several messages, sent apart). */
	public boolean spread() {
		return this.firstDeadline != null && !this.firstDeadline.equals(this.lastDeadline);
	}

	/** When Tencent took the latest sent message. */
	public @Nullable Instant lastSentAt() {
		return (this.lastDeadline != null) ? this.lastDeadline.minus(Duration.ofDays(this.historyDays)) : null;
	}

	/** Both windows together, as one campaign's runs on two apps. */
	RecallWindow plus(RecallWindow other) {
		if (other.firstDeadline == null) {
			return this;
		}
		if (this.firstDeadline == null || this.lastDeadline == null) {
			return other;
		}
		Instant first = this.firstDeadline.isBefore(other.firstDeadline) ? this.firstDeadline : other.firstDeadline;
		boolean otherLast = other.lastDeadline != null && other.lastDeadline.isAfter(this.lastDeadline);
		return new RecallWindow(this.recallable + other.recallable, this.pastWindow + other.pastWindow, first,
				otherLast ? other.lastDeadline : this.lastDeadline, otherLast ? other.historyDays : this.historyDays);
	}

}
