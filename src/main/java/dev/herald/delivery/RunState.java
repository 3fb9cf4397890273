package dev.herald.delivery;

/** Where a run stands. Only RUNNING runs get new calls. */
public enum RunState {

	RUNNING, PAUSED, CANCELLED, FINISHED

}
