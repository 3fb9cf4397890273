package dev.herald.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.herald.support.MutableClock;

/**
 * The standalone simulator on a free local port (real HTTP), whose clock runs with real
 * time plus an offset a test moves forward: for tests in other modules that need an hour
 * to pass, like an official account's broadcast window. Give the same {@link #clock()} to
 * the dispatcher under test, so Herald and the fake agree on the time.
 */
public final class TimedSimulator implements AutoCloseable {

	private final MutableClock clock = MutableClock.ticking();

	private final SimulatorServer server;

	private final SimulatorDirectory directory;

	public TimedSimulator() {
		OfficialAccountSimulator simulator = new OfficialAccountSimulator(this.clock, List.of());
		try {
			this.server = SimulatorServer.start(new InetSocketAddress("127.0.0.1", 0), 4, simulator);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.directory = new SimulatorDirectory(simulator);
	}

	/** The base URL of a Chat app with a custom endpoint. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public SimulatorDirectory directory() {
		return this.directory;
	}

	/**
	 * Real time plus the offset; counts its reads, so a test can see a poller go round.
	 */
	public Clock clock() {
		return this.clock;
	}

	/** How often {@link #clock()} was read so far. */
	public long clockReads() {
		return this.clock.reads();
	}

	/** Moves the clock forward. */
	public void advance(Duration duration) {
		this.clock.advance(duration);
	}

	@Override
	public void close() {
		this.server.close();
	}

}
