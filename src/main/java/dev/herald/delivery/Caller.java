package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.herald.delivery.Outcome.Answer;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.ChatAppConnection;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.SendMsgResponse;
import dev.herald.tencent.TencentChatClient;
import dev.herald.tencent.TencentJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one call for a claimed delivery on a pool thread, a send or a history lookup,
 * ends it in the app's window guard, and hands its outcome to the recorder.
 */
final class Caller {

	private static final Logger logger = LoggerFactory.getLogger(Caller.class);

	/**
	 * Runs whose message templates are kept parsed; more are rare, so it just starts
	 * over.
	 */
	private static final int TEMPLATE_CACHE_SIZE = 1_000;

	private final Node node;

	private final TencentChatClient client;

	private final RunStore runs;

	private final DeliveryMetrics metrics;

	private final Reconciler reconciler;

	private final OutcomeRecorder recorder;

	private final Map<Long, OfficialAccountMessage> templates = new ConcurrentHashMap<>();

	Caller(Node node, DispatchParts parts, OutcomeRecorder recorder) {
		this.node = node;
		this.client = parts.client();
		this.runs = parts.runs();
		this.metrics = parts.metrics();
		this.reconciler = new Reconciler(parts.client());
		this.recorder = recorder;
	}

	/**
	 * Calls for one delivery and records what came of it.
	 * @param guard the app's window guard, started for this call
	 */
	void call(ChatAppConnection app, Claim claim, AttemptKind kind, WindowGuard guard) {
		Instant started = this.node.clock().instant();
		long startedNanos = System.nanoTime();
		if (claim.again()) {
			this.metrics.lateness(claim.chatAppId(), Duration.between(claim.dueAt(), started));
		}
		Outcome outcome;
		AttemptKind recorded = kind;
		boolean ended = false;
		try {
			if (kind == AttemptKind.SEND) {
				CallResult<SendMsgResponse> result;
				try {
					result = this.client.send(app, message(claim), this.node.properties().responseTimeout());
				}
				finally {
					// The call has ended: its arrival at Tencent, if any, lies before
					// now.
					guard.finish();
					ended = true;
				}
				outcome = this.node.policy().afterSend(claim, result, this.node.clock().instant());
			}
			else {
				Finding finding;
				try {
					finding = this.reconciler.lookup(app, claim, message(claim));
				}
				finally {
					guard.finish();
					ended = true;
				}
				outcome = this.node.policy().afterLookup(claim, finding, this.node.clock().instant());
			}
		}
		catch (RuntimeException ex) {
			if (!ended) {
				guard.finish();
			}
			// A bug or unreadable content, not a remote failure: give up on this
			// delivery rather than loop.
			logger.error("Delivery " + claim.id() + " could not be attempted", ex);
			recorded = AttemptKind.SEND;
			Answer none = Answer.none("Herald error: " + ex.getClass().getSimpleName());
			outcome = claim.maybeSent() ? Outcome.awaitingDecision(DoubtReason.HERALD_ERROR, Outcome.Label.FAILED, none)
					: Outcome.failed(none);
		}
		if (this.node.crashed()) {
			return;
		}
		Instant finished = this.node.clock().instant();
		this.metrics.attempt(claim.chatAppId(), recorded, outcome, Duration.ofNanos(System.nanoTime() - startedNanos));
		this.recorder.add(new AttemptRecord(claim, outcome, recorded, this.node.holder(), started, finished));
	}

	/** The exact body of this delivery: the same bytes on every attempt. */
	private OfficialAccountMessage message(Claim claim) {
		OfficialAccountMessage template = this.templates.computeIfAbsent(claim.runId(), (run) -> {
			if (this.templates.size() > TEMPLATE_CACHE_SIZE) {
				this.templates.clear();
			}
			String json = this.runs.runContent(run)
				.orElseThrow(() -> new IllegalStateException("run " + run + " has no content"));
			return TencentJson.fromJson(json, OfficialAccountMessage.class);
		});
		return personalise(template, claim.officialAccount(), claim.random(), claim.id());
	}

	static OfficialAccountMessage personalise(OfficialAccountMessage template, String officialAccount, long random,
			long deliveryId) {
		return new OfficialAccountMessage(officialAccount, random, template.msgBody(),
				CloudCustomData.wrap(deliveryId, template.cloudCustomData()), template.offlinePushInfo(),
				template.onlineOnlyFlag(), template.sendMsgControl(), template.forbidCallbackControl());
	}

}
