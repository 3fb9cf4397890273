package dev.herald.simulator;

import java.nio.charset.StandardCharsets;

/**
 * What a front door must do with a call: wait {@code delayMillis}, then either answer
 * {@code httpStatus} with {@code body} or, when {@code dropConnection}, give no proper
 * answer at all.
 *
 * @param httpStatus the HTTP status
 * @param errorCode the body's ErrorCode (0 for OK and for bodiless answers)
 * @param body the JSON body (empty for a 502)
 * @param delayMillis how long to wait before answering
 * @param dropConnection whether the answer is lost
 */
record SimulatorResponse(int httpStatus, int errorCode, byte[] body, long delayMillis, boolean dropConnection) {

	/** An HTTP 200 API answer, as Tencent gives for success and errors alike. */
	static SimulatorResponse json(int errorCode, String body) {
		return new SimulatorResponse(200, errorCode, body.getBytes(StandardCharsets.UTF_8), 0, false);
	}

	/** An answer of the admin API. */
	static SimulatorResponse admin(int httpStatus, String body) {
		return new SimulatorResponse(httpStatus, 0, body.getBytes(StandardCharsets.UTF_8), 0, false);
	}

	static SimulatorResponse badGateway() {
		return new SimulatorResponse(502, 0, new byte[0], 0, false);
	}

	SimulatorResponse delayed(long millis) {
		return new SimulatorResponse(this.httpStatus, this.errorCode, this.body, millis, this.dropConnection);
	}

	SimulatorResponse lost(long millis) {
		return new SimulatorResponse(502, this.errorCode, new byte[0], millis, true);
	}

	String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
