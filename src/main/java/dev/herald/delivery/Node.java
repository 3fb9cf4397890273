package dev.herald.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * One dispatcher node as its threads see it: its name, settings and clock, the holder
 * name of its current incarnation (in leases and claims), whether it runs or crashed, and
 * the signal that wakes its idle threads.
 */
final class Node {

	/** Room for "#" and the incarnation in the 64-character holder columns. */
	private static final int MAX_ID_LENGTH = 50;

	private static final int INCARNATION_LENGTH = 8;

	private final String id;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final RetryPolicy policy;

	private final Object signal = new Object();

	private volatile String holder = "";

	private volatile boolean running;

	private volatile boolean crashed;

	Node(DeliveryProperties properties, Clock clock) {
		String name = properties.nodeId().isBlank() ? defaultId() : properties.nodeId();
		this.id = (name.length() > MAX_ID_LENGTH) ? name.substring(name.length() - MAX_ID_LENGTH) : name;
		this.properties = properties;
		this.clock = clock;
		this.policy = RetryPolicy.of(properties);
	}

	/**
	 * A new incarnation starts: a fresh holder name, so nothing of an earlier one counts.
	 */
	void start() {
		this.crashed = false;
		this.holder = this.id + "#" + UUID.randomUUID().toString().substring(0, INCARNATION_LENGTH);
		this.running = true;
	}

	/** No new work from now on; idle threads wake to see it. */
	void stop() {
		this.running = false;
		wake();
	}

	/** Dies as a killed process would: nothing more is recorded or given back. */
	void crash() {
		this.crashed = true;
		this.running = false;
	}

	String id() {
		return this.id;
	}

	String holder() {
		return this.holder;
	}

	boolean running() {
		return this.running;
	}

	boolean crashed() {
		return this.crashed;
	}

	DeliveryProperties properties() {
		return this.properties;
	}

	Clock clock() {
		return this.clock;
	}

	RetryPolicy policy() {
		return this.policy;
	}

	/** Idle threads look for work now instead of at their next poll. */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	/** Waits up to {@code duration}, less when woken; not at all once stopped. */
	void pause(Duration duration) throws InterruptedException {
		synchronized (this.signal) {
			if (this.running) {
				this.signal.wait(Math.max(1, duration.toMillis()));
			}
		}
	}

	private static String defaultId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException | RuntimeException ex) {
			host = "node";
		}
		return host + "-" + ProcessHandle.current().pid();
	}

}
