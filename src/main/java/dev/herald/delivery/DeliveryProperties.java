package dev.herald.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dispatcher that runs in every node.
 *
 * @param enabled whether this node dispatches at all
 * @param nodeId this node's name in leases and attempt records; empty means host name and
 * process id
 * @param pollInterval how often an idle node looks for work (one cheap query)
 * @param batchSize most deliveries claimed in one round trip
 * @param maxAttempts calls per delivery before it is FAILED (or IN_DOUBT when one of them
 * may have landed)
 * @param leaseDuration how long a claimed delivery belongs to this node; must exceed the
 * response timeout comfortably
 * @param appLease how long this node holds a Chat app's dispatch lease without renewing
 * it (renewed every fifth of it)
 * @param httpConcurrency calls in flight at once on this node, all apps together
 * @param responseTimeout the limit for one send call (Tencent's own is 3 s)
 * @param retryBase first backoff; doubled per attempt, with jitter
 * @param retryMax longest backoff
 * @param resendWindow how long after the first attempt an unknown outcome may be resent
 * as-is; Tencent drops duplicates for 5 minutes, this keeps a margin
 * @param rateSafety fraction of an app's configured rate that is used, so network jitter
 * cannot push a second's calls over the limit
 */
@ConfigurationProperties("herald.delivery")
record DeliveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String nodeId,
		@DefaultValue("250ms") Duration pollInterval, @DefaultValue("200") int batchSize,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration leaseDuration,
		@DefaultValue("5s") Duration appLease, @DefaultValue("64") int httpConcurrency,
		@DefaultValue("10s") Duration responseTimeout, @DefaultValue("1s") Duration retryBase,
		@DefaultValue("60s") Duration retryMax, @DefaultValue("4m") Duration resendWindow,
		@DefaultValue("0.99") double rateSafety) {

	DeliveryProperties {
		if (batchSize < 1 || maxAttempts < 1 || httpConcurrency < 1) {
			throw new IllegalArgumentException(
					"herald.delivery batch-size, max-attempts and http-concurrency must be >= 1");
		}
		if (leaseDuration.compareTo(responseTimeout.plusSeconds(2)) < 0) {
			throw new IllegalArgumentException("herald.delivery.lease-duration must exceed response-timeout by 2 s");
		}
		if (rateSafety <= 0 || rateSafety > 1) {
			throw new IllegalArgumentException("herald.delivery.rate-safety must be in (0, 1]");
		}
	}

	static DeliveryProperties defaults() {
		return new DeliveryProperties(true, "", Duration.ofMillis(250), 200, 8, Duration.ofSeconds(30),
				Duration.ofSeconds(5), 64, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60),
				Duration.ofMinutes(4), 0.99);
	}

	DeliveryProperties withNode(String node) {
		return new DeliveryProperties(this.enabled, node, this.pollInterval, this.batchSize, this.maxAttempts,
				this.leaseDuration, this.appLease, this.httpConcurrency, this.responseTimeout, this.retryBase,
				this.retryMax, this.resendWindow, this.rateSafety);
	}

	DeliveryProperties withTimeouts(Duration responseTimeout, Duration leaseDuration, Duration appLease) {
		return new DeliveryProperties(this.enabled, this.nodeId, this.pollInterval, this.batchSize, this.maxAttempts,
				leaseDuration, appLease, this.httpConcurrency, responseTimeout, this.retryBase, this.retryMax,
				this.resendWindow, this.rateSafety);
	}

	DeliveryProperties withRetries(Duration retryBase, Duration retryMax, Duration resendWindow) {
		return new DeliveryProperties(this.enabled, this.nodeId, this.pollInterval, this.batchSize, this.maxAttempts,
				this.leaseDuration, this.appLease, this.httpConcurrency, this.responseTimeout, retryBase, retryMax,
				resendWindow, this.rateSafety);
	}

}
