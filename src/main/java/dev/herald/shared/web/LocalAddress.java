package dev.herald.shared.web;

import org.springframework.core.env.Environment;

/**
 * This node's own address on the loopback interface, for calls Herald makes to itself
 * (the built-in simulator, and the simulator's callbacks back to Herald).
 */
public final class LocalAddress {

	private LocalAddress() {
	}

	/**
	 * The base URL of this node's HTTP server.
	 * @param environment the environment, which knows the port once the server started
	 * @return for example {@code http://127.0.0.1:8080}
	 */
	public static String of(Environment environment) {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://127.0.0.1:" + port;
	}

}
