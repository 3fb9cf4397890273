package dev.herald.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What a look into an OA's history proved about one delivery that may have landed.
 *
 * @param msgKey the message's key (FOUND only)
 * @param msgTime the message's time (FOUND only)
 * @param reason why the history could not decide (UNDECIDED only)
 * @param detail why the history could not be read (UNREADABLE only)
 */
record Finding(Verdict verdict, @Nullable String msgKey, @Nullable Long msgTime, @Nullable DoubtReason reason,
		@Nullable String detail) {

	enum Verdict {

		/** The message is in the history: it landed. */
		FOUND,

		/** The whole time range was read and every message in it is someone else's. */
		ABSENT,

		/** The history was read but cannot decide. */
		UNDECIDED,

		/** The history could not be read this time. */
		UNREADABLE

	}

	static Finding found(@Nullable String msgKey, @Nullable Long msgTime) {
		return new Finding(Verdict.FOUND, msgKey, msgTime, null, null);
	}

	static Finding absent() {
		return new Finding(Verdict.ABSENT, null, null, null, null);
	}

	static Finding undecided(DoubtReason reason) {
		return new Finding(Verdict.UNDECIDED, null, null, reason, null);
	}

	static Finding unreadable(String detail) {
		return new Finding(Verdict.UNREADABLE, null, null, null, detail);
	}

}
