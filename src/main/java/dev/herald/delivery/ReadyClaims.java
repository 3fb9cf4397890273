package dev.herald.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Claims waiting for their call on one app's pacer, in the claim's two lanes (ADR 0009):
 * deliveries called before go ahead of fresh ones here too, so a retry claimed behind a
 * queue of fresh claims is still called next. Each lane keeps its claim order.
 */
final class ReadyClaims {

	private static final Comparator<Entry> ORDER = Comparator.comparing((Entry entry) -> !entry.claim().again())
		.thenComparingLong(Entry::sequence);

	private final PriorityBlockingQueue<Entry> queue = new PriorityBlockingQueue<>(64, ORDER);

	private final AtomicLong sequence = new AtomicLong();

	void addAll(List<Claim> claims) {
		for (Claim claim : claims) {
			add(claim);
		}
	}

	void add(Claim claim) {
		this.queue.add(new Entry(claim, this.sequence.getAndIncrement()));
	}

	/** The next claim to call, waiting up to {@code timeoutMillis} for one. */
	@Nullable Claim poll(long timeoutMillis) throws InterruptedException {
		Entry entry = this.queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
		return (entry != null) ? entry.claim() : null;
	}

	int size() {
		return this.queue.size();
	}

	/** Everything still waiting, removed. */
	List<Claim> drain() {
		List<Entry> entries = new ArrayList<>();
		this.queue.drainTo(entries);
		return entries.stream().map(Entry::claim).toList();
	}

	private record Entry(Claim claim, long sequence) {
	}

}
