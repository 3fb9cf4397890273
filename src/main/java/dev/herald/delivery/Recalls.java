package dev.herald.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.RecallDeadline;
import dev.herald.delivery.RecallStore.Recallable;
import dev.herald.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recall of sent messages. A run's or a campaign's recall takes one call per 10 messages,
 * so it runs in the background, as the operator who asked (for the audit log), and keeps
 * its progress for the pages; whether anything can be recalled at all is decided at once.
 * Tencent recalls a message only within its Chat app's message history period: messages
 * past it are counted, never sent to Tencent.
 */
@Service
public class Recalls {

	private static final Logger logger = LoggerFactory.getLogger(Recalls.class);

	/** Recalls running at once on a node; more wait their turn. */
	private static final int CONCURRENT_RECALLS = 2;

	/** How long stopping waits for interrupted recalls to note where they stopped. */
	private static final int STOP_WAIT_SECONDS = 10;

	private final RunStore runs;

	private final RecallStore store;

	private final RecallCalls calls;

	private final ChatApps apps;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ThreadPoolTaskExecutor executor;

	Recalls(RunStore runs, RecallStore store, RecallCalls calls, ChatApps apps, AuditLog audit, Clock clock,
			TransactionTemplate transactions) {
		this.runs = runs;
		this.store = store;
		this.calls = calls;
		this.apps = apps;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(CONCURRENT_RECALLS);
		this.executor.setMaxPoolSize(CONCURRENT_RECALLS);
		this.executor.setThreadNamePrefix("recall-");
		this.executor.setAwaitTerminationSeconds(STOP_WAIT_SECONDS);
		this.executor.initialize();
	}

	/** Interrupts the recalls under way: each stores what it did and stops. */
	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

	/**
	 * Starts recalling every sent message of a run that is still within its Chat app's
	 * message history period.
	 * @return the recall as it starts
	 * @throws RecallWindowClosedException when there are sent messages and all are past
	 * the period
	 */
	public RecallProgress recallRun(long runId) {
		RunStore.RunRow run = this.runs.run(runId).orElseThrow(() -> new NotFoundException("run", runId));
		return start(Map.of(run.chatAppId(), List.of(runId)), new Target("run.recalled", "run", runId));
	}

	/**
	 * Starts recalling every sent message of every run of a campaign, as
	 * {@link #recallRun} does.
	 * @throws RecallWindowClosedException when all sent messages are past the period
	 */
	public RecallProgress recallCampaign(long campaignId) {
		return start(this.runs.runsOfCampaign(campaignId), new Target("campaign.recalled", "campaign", campaignId));
	}

	/**
	 * Recalls one delivery's message, at once.
	 * @throws IllegalStateException when it has no sent message to recall
	 * @throws RecallWindowClosedException when its message is past the period
	 */
	public RecallSummary recallDelivery(long deliveryId) {
		DeliveryRow row = this.runs.delivery(deliveryId)
			.orElseThrow(() -> new NotFoundException("delivery", deliveryId));
		Recallable item = this.store.recallableDelivery(deliveryId)
			.orElseThrow(() -> new IllegalStateException(
					"Delivery " + deliveryId + " is " + row.status() + " and has nothing to recall"));
		RecallDeadline deadline = this.apps.get(item.chatAppId()).recallDeadline(item.sentAt(), this.clock.instant());
		if (!deadline.open()) {
			throw new RecallWindowClosedException(RecallWindow.closed(deadline));
		}
		RecallSummary summary = this.calls.recall(List.of(item), 0, null);
		this.transactions.executeWithoutResult(
				(status) -> auditRecall(new Target("delivery.recalled", "delivery", deliveryId), summary));
		return summary;
	}

	/** How long a run's sent messages can still be recalled. */
	@Transactional(readOnly = true)
	public RecallWindow recallWindow(long runId) {
		RunStore.RunRow run = this.runs.run(runId).orElseThrow(() -> new NotFoundException("run", runId));
		return recallWindow(Map.of(run.chatAppId(), List.of(runId)), this.clock.instant());
	}

	/** How long a campaign's sent messages can still be recalled. */
	@Transactional(readOnly = true)
	public RecallWindow campaignRecallWindow(long campaignId) {
		return recallWindow(this.runs.runsOfCampaign(campaignId), this.clock.instant());
	}

	/** A recall as far as it has got. */
	@Transactional(readOnly = true)
	public RecallProgress progress(long recallId) {
		return this.store.recall(recallId, this.clock.instant())
			.orElseThrow(() -> new NotFoundException("recall", recallId));
	}

	/** The latest recall of a run, if any. */
	@Transactional(readOnly = true)
	public Optional<RecallProgress> latestOfRun(long runId) {
		return this.store.latestOfRun(runId, this.clock.instant());
	}

	/** The latest recall of a campaign, if any. */
	@Transactional(readOnly = true)
	public Optional<RecallProgress> latestOfCampaign(long campaignId) {
		return this.store.latestOfCampaign(campaignId, this.clock.instant());
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
	 * Decides what to recall, at once: the period is checked in the query that selects
	 * the deliveries, so expired ones are never loaded, let alone sent. The calls follow
	 * in the background.
	 */
	private RecallProgress start(Map<Long, List<Long>> runsByApp, Target target) {
		Instant now = this.clock.instant();
		Plan plan = Objects.requireNonNull(this.transactions.execute((status) -> {
			// A recall of the same run or campaign still under way is the one asked for.
			this.store.lockRecallsOf(target.runId(), target.campaignId());
			Optional<RecallProgress> running = latestOf(target, now).filter((recall) -> !recall.done());
			if (running.isPresent()) {
				return new Plan(running.get().id(), List.of(), running.get().pastWindow(), false);
			}
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
			long id = this.store.startRecall(target.runId(), target.campaignId(), items.size(), window.pastWindow(),
					now);
			return new Plan(id, items, window.pastWindow(), true);
		}));
		if (plan.started()) {
			this.executor.execute(DelegatingSecurityContextRunnable.create(() -> recall(plan, target), null));
		}
		return progress(plan.recallId());
	}

	private Optional<RecallProgress> latestOf(Target target, Instant now) {
		return (target.runId() != null) ? this.store.latestOfRun(target.runId(), now)
				: this.store.latestOfCampaign(target.id(), now);
	}

	private void recall(Plan plan, Target target) {
		try {
			RecallSummary summary = this.calls.recall(plan.items(), plan.pastWindow(), plan.recallId());
			this.transactions.executeWithoutResult((status) -> {
				auditRecall(target, summary);
				this.store.finishRecall(plan.recallId(), this.clock.instant());
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Recall " + plan.recallId() + " of " + target.type() + " " + target.id() + " failed: "
					+ ex.getMessage());
			this.transactions
				.executeWithoutResult((status) -> this.store.finishRecall(plan.recallId(), this.clock.instant()));
		}
	}

	private void auditRecall(Target target, RecallSummary summary) {
		this.audit.record(AuditRecord.of(target.action(), target.type(), target.id())
			.withAfter(Map.of("calls", summary.calls(), "recalled", summary.recalled(), "failed", summary.failed(),
					"pastWindow", summary.pastWindow())));
	}

	/** What a recall is of, and its audit action. */
	private record Target(String action, String type, long id) {

		@Nullable Long runId() {
			return "run".equals(this.type) ? this.id : null;
		}

		@Nullable Long campaignId() {
			return "campaign".equals(this.type) ? this.id : null;
		}

	}

	/**
	 * A recall decided on: the messages to ask for and those left alone; or, when
	 * {@code started} is false, one already under way that this request joins.
	 */
	private record Plan(long recallId, List<Recallable> items, int pastWindow, boolean started) {
	}

}
