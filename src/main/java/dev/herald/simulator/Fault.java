package dev.herald.simulator;

/**
 * What an injected fault does to one call.
 *
 * @param kind the fault
 * @param errorCode the ErrorCode answered, for {@link FaultKind#ERROR}
 * @param delayMillis how long the answer waits, for delays and lost answers
 */
record Fault(FaultKind kind, int errorCode, long delayMillis) {
}
