package dev.herald.simulator;

import org.jspecify.annotations.Nullable;

/**
 * A one-shot fault for tests: "the next {@code count} calls (to this OA, of this command)
 * fail like this". Scripted faults are used before random ones, in order.
 *
 * @param officialAccount the OA the body must name; {@code null} for any call
 * @param command the command; {@code null} for any
 * @param count how many calls
 * @param kind the fault; {@code null} means {@link FaultKind#ERROR}
 * @param errorCode the code for {@link FaultKind#ERROR}
 * @param delayMillis the wait for {@link FaultKind#DELAY} and
 * {@link FaultKind#RESPONSE_LOST}
 */
record ScriptedFault(@Nullable String officialAccount, @Nullable String command, int count, @Nullable FaultKind kind,
		int errorCode, long delayMillis) {

	ScriptedFault {
		kind = (kind != null) ? kind : FaultKind.ERROR;
		count = (count != 0) ? count : 1;
		if (count < 0) {
			throw new IllegalArgumentException("count must be positive");
		}
		if (kind == FaultKind.ERROR && errorCode == 0) {
			throw new IllegalArgumentException("errorCode is required for an ERROR fault");
		}
		if (delayMillis < 0) {
			throw new IllegalArgumentException("delayMillis must not be negative");
		}
	}

	boolean matches(String command, @Nullable String officialAccount) {
		return (this.command == null || this.command.equals(command))
				&& (this.officialAccount == null || this.officialAccount.equals(officialAccount));
	}

	ScriptedFault used() {
		return new ScriptedFault(this.officialAccount, this.command, this.count - 1, this.kind, this.errorCode,
				this.delayMillis);
	}

}
