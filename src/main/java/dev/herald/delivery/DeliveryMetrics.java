package dev.herald.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The engine's Micrometer meters: sends by app and outcome, error codes, retries,
 * in-doubt deliveries, throttle waits and the queue depth.
 */
class DeliveryMetrics {

	private final MeterRegistry registry;

	private final AtomicLong queueDepth = new AtomicLong();

	DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("herald.delivery.queue.depth", this.queueDepth, AtomicLong::get)
			.description("Deliveries waiting to be sent or looked up, all runs")
			.register(registry);
	}

	static DeliveryMetrics none() {
		return new DeliveryMetrics(new SimpleMeterRegistry());
	}

	void attempt(long appId, AttemptKind kind, Outcome outcome, Duration took) {
		String app = Long.toString(appId);
		Timer.builder("herald.delivery.calls")
			.description("Calls to Tencent made by the delivery engine")
			.tags("app", app, "kind", kind.name(), "outcome", outcome.label().value())
			.register(this.registry)
			.record(took);
		Integer code = outcome.answer().errorCode();
		if (code != null && code != 0) {
			Counter.builder("herald.delivery.errors")
				.description("Tencent ErrorCodes answered to sends")
				.tags("app", app, "code", Integer.toString(code))
				.register(this.registry)
				.increment();
		}
		if (outcome.status() == DeliveryStatus.QUEUED && kind == AttemptKind.SEND) {
			Counter.builder("herald.delivery.retries").tags("app", app).register(this.registry).increment();
		}
		if (outcome.status() == DeliveryStatus.IN_DOUBT) {
			Counter.builder("herald.delivery.in_doubt").tags("app", app).register(this.registry).increment();
		}
		if (outcome.isFinal()) {
			Counter.builder("herald.delivery.sends")
				.description("Deliveries that reached a final state")
				.tags("app", app, "outcome", outcome.status().name())
				.register(this.registry)
				.increment();
		}
	}

	void throttled(long appId, long waitedNanos) {
		if (waitedNanos > 0) {
			Timer.builder("herald.delivery.throttle.wait")
				.description("Time calls waited for the app's rate")
				.tags("app", Long.toString(appId))
				.register(this.registry)
				.record(waitedNanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * How late a call for a delivery called before (a retry, an in-doubt resend or
	 * lookup, a recovered claim) started after it was due.
	 */
	void lateness(long appId, Duration late) {
		Timer.builder("herald.delivery.retry.lateness")
			.description("Time calls of deliveries called before started after they were due")
			.tags("app", Long.toString(appId))
			.register(this.registry)
			.record(late.isNegative() ? Duration.ZERO : late);
	}

	void queueDepth(long depth) {
		this.queueDepth.set(depth);
	}

}
