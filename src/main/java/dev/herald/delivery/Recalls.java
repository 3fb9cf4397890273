package dev.herald.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.RecallDeadline;
import dev.herald.delivery.RecallStore.Recallable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recall of sent messages: of a run, of a campaign, or of one delivery. Tencent recalls a
 * message only within its Chat app's message history period: messages past it are
 * counted, never sent to Tencent.
 */
@Service
public class Recalls {

	private final RunStore runs;

	private final RecallStore store;

	private final RecallCalls calls;

	private final ChatApps apps;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Recalls(RunStore runs, RecallStore store, RecallCalls calls, ChatApps apps, AuditLog audit, Clock clock,
			TransactionTemplate transactions) {
		this.runs = runs;
		this.store = store;
		this.calls = calls;
		this.apps = apps;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Recalls every sent message of a run that is still within its Chat app's message
	 * history period: per OA, 10 MsgKeys per call; every RetCode is stored on its
	 * delivery. Blocks until every call has been answered.
	 * @throws RecallWindowClosedException when there are sent messages and all are past
	 * the period
	 */
	public RecallSummary recallRun(long runId) {
		RunStore.RunRow run = this.runs.run(runId).orElseThrow(() -> new RunNotFoundException("run", runId));
		return recall(Map.of(run.chatAppId(), List.of(runId)), new Target("run.recalled", "run", runId));
	}

	/**
	 * Recalls every sent message of every run of a campaign, as {@link #recallRun} does.
	 * @throws RecallWindowClosedException when all sent messages are past the period
	 */
	public RecallSummary recallCampaign(long campaignId) {
		return recall(this.runs.runsOfCampaign(campaignId), new Target("campaign.recalled", "campaign", campaignId));
	}

	/**
	 * Recalls one delivery's message, at once.
	 * @throws IllegalStateException when it has no sent message to recall
	 * @throws RecallWindowClosedException when its message is past the period
	 */
	public RecallSummary recallDelivery(long deliveryId) {
		DeliveryRow row = this.runs.delivery(deliveryId)
			.orElseThrow(() -> new RunNotFoundException("delivery", deliveryId));
		Recallable item = this.store.recallableDelivery(deliveryId)
			.orElseThrow(() -> new IllegalStateException(
					"Delivery " + deliveryId + " is " + row.status() + " and has nothing to recall"));
		RecallDeadline deadline = this.apps.get(item.chatAppId()).recallDeadline(item.sentAt(), this.clock.instant());
		if (!deadline.open()) {
			throw new RecallWindowClosedException(RecallWindow.closed(deadline));
		}
		RecallSummary summary = this.calls.recall(List.of(item), 0);
		this.transactions.executeWithoutResult(
				(status) -> auditRecall(new Target("delivery.recalled", "delivery", deliveryId), summary));
		return summary;
	}

	/** How long a run's sent messages can still be recalled. */
	@Transactional(readOnly = true)
	public RecallWindow recallWindow(long runId) {
		RunStore.RunRow run = this.runs.run(runId).orElseThrow(() -> new RunNotFoundException("run", runId));
		return recallWindow(Map.of(run.chatAppId(), List.of(runId)), this.clock.instant());
	}

	/** How long a campaign's sent messages can still be recalled. */
	@Transactional(readOnly = true)
	public RecallWindow campaignRecallWindow(long campaignId) {
		return recallWindow(this.runs.runsOfCampaign(campaignId), this.clock.instant());
	}

	/** The recall deadline of each listed delivery that has a message to recall. */
	Map<Long, RecallDeadline> recallDeadlines(long chatAppId, List<DeliveryRow> rows) {
		Map<Long, RecallDeadline> deadlines = new LinkedHashMap<>();
		List<DeliveryRow> sent = rows.stream().filter(DeliveryRow::recallable).toList();
		if (sent.isEmpty()) {
			return deadlines;
		}
		ChatAppView app = this.apps.get(chatAppId);
		Instant now = this.clock.instant();
		for (DeliveryRow row : sent) {
			deadlines.put(row.id(), app.recallDeadline(Objects.requireNonNull(row.sentAt()), now));
		}
		return deadlines;
	}

	private RecallWindow recallWindow(Map<Long, List<Long>> runsByApp, Instant now) {
		RecallWindow window = RecallWindow.NONE;
		for (Map.Entry<Long, List<Long>> runs : runsByApp.entrySet()) {
			window = window.plus(recallWindow(this.apps.get(runs.getKey()), runs.getValue(), now));
		}
		return window;
	}

	private RecallWindow recallWindow(ChatAppView app, List<Long> runIds, Instant now) {
		RecallStore.SentMessages sent = this.store.sentMessages(runIds, app.recallableIfSentAfter(now));
		if (sent.firstSentAt() == null || sent.lastSentAt() == null) {
			return RecallWindow.NONE;
		}
		return new RecallWindow(sent.recallable(), sent.pastWindow(), app.recallableUntil(sent.firstSentAt()),
				app.recallableUntil(sent.lastSentAt()), app.messageHistoryDays());
	}

	/**
	 * Recalls what is still within each app's period. The period is checked in the query
	 * that selects the deliveries, so expired ones are never loaded, let alone sent.
	 */
	private RecallSummary recall(Map<Long, List<Long>> runsByApp, Target target) {
		Instant now = this.clock.instant();
		RecallWindow window = RecallWindow.NONE;
		List<Recallable> items = new ArrayList<>();
		for (Map.Entry<Long, List<Long>> runs : runsByApp.entrySet()) {
			ChatAppView app = this.apps.get(runs.getKey());
			window = window.plus(recallWindow(app, runs.getValue(), now));
			items.addAll(this.store.recallable(runs.getValue(), app.recallableIfSentAfter(now)));
		}
		if (window.closed()) {
			throw new RecallWindowClosedException(window);
		}
		RecallSummary summary = this.calls.recall(items, window.pastWindow());
		this.transactions.executeWithoutResult((status) -> auditRecall(target, summary));
		return summary;
	}

	private void auditRecall(Target target, RecallSummary summary) {
		this.audit.record(AuditRecord.of(target.action(), target.type(), target.id())
			.withAfter(Map.of("calls", summary.calls(), "recalled", summary.recalled(), "failed", summary.failed(),
					"pastWindow", summary.pastWindow())));
	}

	/** What a recall is of, and its audit action. */
	private record Target(String action, String type, long id) {
	}

}
