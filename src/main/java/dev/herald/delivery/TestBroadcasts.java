package dev.herald.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.herald.chatapp.ChatApps;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.SendMsgResponse;
import dev.herald.tencent.TencentChatClient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Broadcasts outside any run (a draft's test send) under the same per-OA limits as
 * deliveries (product rule 5): a test send takes the OA's window like a claim does, is
 * refused while the window is full, and counts in it afterwards, so a later delivery to
 * the OA waits instead of meeting 10023.
 */
@Service
public class TestBroadcasts {

	private final TestBroadcastStore store;

	private final TencentChatClient client;

	private final ChatApps apps;

	private final Clock clock;

	private final DeliveryProperties properties;

	// Own short transactions: the window must be visible to every node before the call
	// and must not stay locked during it, whatever transaction the caller is in.
	private final TransactionTemplate transactions;

	TestBroadcasts(TestBroadcastStore store, TencentChatClient client, ChatApps apps, Clock clock,
			DeliveryProperties properties, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.client = client;
		this.apps = apps;
		this.clock = clock;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Sends one message to the OA it names, if the OA's window is open.
	 * @param chatAppId the app the OA belongs to
	 * @param message the exact message, its Random included
	 * @return the call's result, or a refusal saying when the window opens
	 */
	public TestBroadcast send(long chatAppId, OfficialAccountMessage message) {
		String account = message.officialAccount();
		if (account == null || account.isBlank()) {
			throw new IllegalArgumentException("a test broadcast needs an official account");
		}
		Instant now = this.clock.instant();
		Optional<OaWindow> taken = this.transactions.execute(
				(status) -> this.store.takeWindow(chatAppId, account, now, now.plus(this.properties.leaseDuration())));
		if (taken == null || taken.isEmpty()) {
			Instant opens = this.transactions
				.execute((status) -> this.store.windowOpensAt(chatAppId, account, this.clock.instant()));
			return new TestBroadcast.Refused((opens != null) ? opens : now);
		}
		CallResult<SendMsgResponse> result = null;
		try {
			result = this.client.send(this.apps.connection(chatAppId), message, this.properties.responseTimeout());
			return new TestBroadcast.Called(result);
		}
		finally {
			// Without a result (a bug, not a remote failure) it may still have landed.
			boolean broadcast = result == null || mayHaveLanded(result);
			Instant ended = this.clock.instant();
			this.transactions.executeWithoutResult(
					(status) -> this.store.returnWindow(chatAppId, account, taken.get(), broadcast, ended));
		}
	}

	/**
	 * Test broadcasts of an app since a time, for the campaign quota check (which counts
	 * runs on its own).
	 * @param chatAppId the app
	 * @param since the earliest time of interest
	 * @return the broadcasts, oldest first
	 */
	public List<Sent> since(long chatAppId, Instant since) {
		List<Sent> sent = this.transactions.execute((status) -> this.store.testBroadcasts(chatAppId, since));
		return (sent != null) ? sent : List.of();
	}

	private static boolean mayHaveLanded(CallResult<SendMsgResponse> result) {
		if (result instanceof CallResult.Retryable<SendMsgResponse> retryable) {
			return retryable.requestSent() && retryable.errorCode() == 0;
		}
		return result instanceof CallResult.Success || result instanceof CallResult.OutcomeUnknown;
	}

	/** A test broadcast to one official account. */
	public record Sent(String officialAccount, Instant at) {

	}

	/** How a test broadcast went: refused before any call, or called. */
	public sealed interface TestBroadcast permits TestBroadcast.Refused, TestBroadcast.Called {

		/** The OA's window is full until {@code windowOpensAt}; nothing was sent. */
		record Refused(Instant windowOpensAt) implements TestBroadcast {

		}

		/** The call was made; what Tencent answered. */
		record Called(CallResult<SendMsgResponse> result) implements TestBroadcast {

		}

	}

}
