package dev.herald.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.herald.chatapp.ChatApps;
import dev.herald.delivery.RecallStore.Recallable;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.ChatAppConnection;
import dev.herald.tencent.RecallRequest;
import dev.herald.tencent.RecallResponse;
import dev.herald.tencent.TencentChatClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recall calls themselves: per app and OA, 10 MsgKeys per call at the app's rate,
 * retried on transient failures; every RetCode is stored on its delivery as it comes, and
 * added to the recall's progress when one is kept.
 */
@Component
class RecallCalls {

	private static final Logger logger = LoggerFactory.getLogger(RecallCalls.class);

	/** The RetCode of a recalled message. */
	static final int RECALLED = 0;

	/** Stored for a message Tencent gave no RetCode for. */
	static final int NO_ANSWER = -1;

	private static final int TRIES = 3;

	/** The wait before the next try, times the tries so far. */
	private static final Duration RETRY_BACKOFF = Duration.ofMillis(500);

	/** Recalls leave the rest of the app's rate to sends. */
	private static final double RATE_SHARE = 0.9;

	/** Recall calls paced evenly, without bursts. */
	private static final int BUCKET_CAPACITY = 1;

	private final TencentChatClient client;

	private final ChatApps apps;

	private final RecallStore store;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();

	RecallCalls(TencentChatClient client, ChatApps apps, RecallStore store, TransactionTemplate transactions,
			Clock clock) {
		this.client = client;
		this.apps = apps;
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Recalls the messages, blocking until every call is answered or the thread is
	 * interrupted (the rest is then left untried).
	 * @param pastWindow sent messages left alone, for the summary
	 * @param recallId the recall whose progress to keep, or {@code null}
	 * @return what the calls did
	 */
	RecallSummary recall(List<Recallable> items, int pastWindow, @Nullable Long recallId) {
		Map<Long, Map<String, List<Recallable>>> byApp = new LinkedHashMap<>();
		for (Recallable item : items) {
			byApp.computeIfAbsent(item.chatAppId(), (app) -> new LinkedHashMap<>())
				.computeIfAbsent(item.officialAccount(), (oa) -> new ArrayList<>())
				.add(item);
		}
		int calls = 0;
		int recalled = 0;
		int failed = 0;
		try {
			for (Map.Entry<Long, Map<String, List<Recallable>>> app : byApp.entrySet()) {
				ChatAppConnection connection = this.apps.connection(app.getKey());
				TokenBucket bucket = this.buckets.computeIfAbsent(app.getKey(),
						(id) -> new TokenBucket(this.apps.get(id).rateLimitPerSecond() * RATE_SHARE, 1,
								System::nanoTime));
				for (Map.Entry<String, List<Recallable>> account : app.getValue().entrySet()) {
					List<Recallable> keys = account.getValue();
					for (int from = 0; from < keys.size(); from += RecallRequest.MAX_KEYS) {
						List<Recallable> chunk = keys.subList(from,
								Math.min(keys.size(), from + RecallRequest.MAX_KEYS));
						List<Integer> codes = call(connection, bucket, account.getKey(), chunk);
						int chunkRecalled = (int) codes.stream().filter((code) -> code == RECALLED).count();
						calls++;
						recalled += chunkRecalled;
						failed += codes.size() - chunkRecalled;
						store(chunk, codes, recallId);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Recall interrupted after " + calls + " calls; the rest was not tried");
		}
		return new RecallSummary(calls, recalled, failed, pastWindow);
	}

	private void store(List<Recallable> chunk, List<Integer> codes, @Nullable Long recallId) {
		int recalled = (int) codes.stream().filter((code) -> code == RECALLED).count();
		this.transactions.executeWithoutResult((status) -> {
			this.store.recordResults(chunk, codes, this.clock.instant());
			if (recallId != null) {
				this.store.addProgress(recallId, recalled, codes.size() - recalled, this.clock.instant());
			}
		});
	}

	/** One recall call (retried on transient failures); one code per key. */
	private List<Integer> call(ChatAppConnection connection, TokenBucket bucket, String officialAccount,
			List<Recallable> chunk) throws InterruptedException {
		List<String> keys = chunk.stream().map(Recallable::msgKey).toList();
		int code = NO_ANSWER;
		for (int attempt = 1; attempt <= TRIES; attempt++) {
			bucket.acquire();
			CallResult<RecallResponse> result = this.client.recall(connection,
					new RecallRequest(officialAccount, keys, null));
			if (result instanceof CallResult.Success<RecallResponse> success) {
				Map<String, Integer> byKey = new LinkedHashMap<>();
				success.response().items().forEach((item) -> byKey.put(item.msgKey(), item.retCode()));
				// A key Tencent did not report on is not recalled.
				return keys.stream().map((key) -> byKey.getOrDefault(key, NO_ANSWER)).toList();
			}
			if (result instanceof CallResult.Failed<RecallResponse> failure) {
				code = failure.errorCode();
				break;
			}
			if (result instanceof CallResult.Retryable<RecallResponse> retryable) {
				code = (retryable.errorCode() != 0) ? retryable.errorCode() : NO_ANSWER;
			}
			else if (result instanceof CallResult.RateLimited<RecallResponse> limited) {
				code = limited.errorCode();
			}
			else {
				code = NO_ANSWER;
			}
			if (attempt < TRIES) {
				Thread.sleep(RETRY_BACKOFF.multipliedBy(attempt).toMillis());
			}
		}
		logger.warn("Recall of " + keys.size() + " messages of " + officialAccount + " failed with code " + code);
		int failedCode = code;
		return keys.stream().map((key) -> failedCode).toList();
	}

}
