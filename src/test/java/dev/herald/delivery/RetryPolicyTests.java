package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;

import dev.herald.tencent.CallResult;
import dev.herald.tencent.SendMsgResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofMinutes(4), () -> 0.5);

	private static Claim claim(int attempt, boolean maybeSent, DeliveryStatus previous, Instant firstAttempt) {
		return claim(attempt, maybeSent, previous, RunState.RUNNING, firstAttempt, null, OaWindow.EMPTY);
	}

	/** A claim whose duplicate window opened with its first attempt. */
	private static Claim claim(int attempt, boolean maybeSent, DeliveryStatus previous, RunState run,
			Instant firstAttempt, @Nullable Integer lastCode, OaWindow window) {
		return new Claim(1, 2, 3, "@TOA#_a", 42, attempt, previous, run, maybeSent, false, firstAttempt, firstAttempt,
				firstAttempt, attempt > 1, lastCode, (lastCode != null) ? "too often" : null, window);
	}

	@Test
	void backoffDoublesWithJitterAndStopsAtTheMaximum() {
		assertThat(this.policy.backoff(1)).isEqualTo(Duration.ofMillis(750));
		assertThat(this.policy.backoff(2)).isEqualTo(Duration.ofMillis(1500));
		assertThat(this.policy.backoff(3)).isEqualTo(Duration.ofMillis(3000));
		assertThat(this.policy.backoff(20)).isEqualTo(Duration.ofMillis(22500));
		RetryPolicy noJitter = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ZERO,
				() -> 0);
		assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void successIsSentAndCountsTheBroadcast() {
		Outcome outcome = this.policy.afterSend(claim(1, false, DeliveryStatus.QUEUED, NOW),
				new CallResult.Success<>(new SendMsgResponse(99, "7_1_99"), 200), NOW);
		assertThat(outcome.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(outcome.msgKey()).isEqualTo("7_1_99");
		assertThat(outcome.countBroadcast()).isTrue();
		assertThat(outcome.isFinal()).isTrue();
	}

	@Test
	void successWithoutAKeyIsLookedUp() {
		Outcome outcome = this.policy.afterSend(claim(1, false, DeliveryStatus.QUEUED, NOW),
				new CallResult.Success<>(new SendMsgResponse(0, null), 200), NOW);
		assertThat(outcome.status()).isEqualTo(DeliveryStatus.IN_DOUBT);
		assertThat(outcome.nextAttemptAt()).isEqualTo(NOW);
	}

	@Test
	void retryableCodesAreRetriedUntilTheLastAttemptThenFail() {
		CallResult<SendMsgResponse> busy = new CallResult.Retryable<>("ErrorCode 10002", 10002, "busy", 200, true);
		Outcome retry = this.policy.afterSend(claim(1, false, DeliveryStatus.QUEUED, NOW), busy, NOW);
		assertThat(retry.status()).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(retry.nextAttemptAt()).isEqualTo(NOW.plusMillis(750));
		assertThat(retry.maybeSent()).isFalse();
		Outcome last = this.policy.afterSend(claim(4, false, DeliveryStatus.QUEUED, NOW), busy, NOW);
		assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(last.answer().errorCode()).isEqualTo(10002);
	}

	@Test
	void anHttpFailureAfterSendingMayHaveLandedAndEndsInDoubtNotFailed() {
		CallResult<SendMsgResponse> badGateway = new CallResult.Retryable<>("HTTP 502", 0, "", 502, true);
		Outcome retry = this.policy.afterSend(claim(1, false, DeliveryStatus.QUEUED, NOW), badGateway, NOW);
		assertThat(retry.maybeSent()).isTrue();
		assertThat(retry.countBroadcast()).isTrue();
		Outcome last = this.policy.afterSend(claim(4, true, DeliveryStatus.QUEUED, NOW), badGateway, NOW);
		assertThat(last.status()).isEqualTo(DeliveryStatus.IN_DOUBT);
	}

	@Test
	void anUnknownOutcomeIsResentWithinTheWindowAndLookedUpAfterIt() {
		Outcome outcome = this.policy.afterSend(claim(1, false, DeliveryStatus.QUEUED, NOW),
				new CallResult.OutcomeUnknown<>("response timeout", 0), NOW);
		assertThat(outcome.status()).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(outcome.maybeSent()).isTrue();
		assertThat(this.policy.mode(claim(2, true, DeliveryStatus.QUEUED, NOW), NOW.plusSeconds(60)))
			.isEqualTo(AttemptKind.SEND);
		assertThat(this.policy.mode(claim(2, true, DeliveryStatus.QUEUED, NOW), NOW.plus(Duration.ofMinutes(4))))
			.isEqualTo(AttemptKind.RECONCILE);
		assertThat(this.policy.mode(claim(2, false, DeliveryStatus.QUEUED, NOW), NOW.plus(Duration.ofMinutes(10))))
			.isEqualTo(AttemptKind.SEND);
		assertThat(this.policy.mode(claim(2, true, DeliveryStatus.IN_DOUBT, NOW), NOW))
			.isEqualTo(AttemptKind.RECONCILE);
	}

	@Test
	void aRefusalOurWindowExplainsWaitsUntilItsOlderBroadcastLeavesTheHourAndSpendsNoAttempt() {
		Instant prev = NOW.minus(Duration.ofMinutes(20));
		Claim claim = claim(8, false, DeliveryStatus.QUEUED, RunState.RUNNING, NOW, null,
				new OaWindow(NOW.minusSeconds(5), prev));
		Outcome outcome = this.policy.afterSend(claim, new CallResult.RateLimited<>(10023, "too often", 200), NOW);
		assertThat(outcome.status()).as("not failed at the last attempt").isEqualTo(DeliveryStatus.QUEUED);
		assertThat(outcome.nextAttemptAt()).isEqualTo(prev.plus(OaWindow.BROADCAST_WINDOW));
		assertThat(outcome.waitsForWindow()).isTrue();
		assertThat(outcome.answer().errorCode()).isEqualTo(10023);
	}

	@Test
	void anUnexplainedRefusalWaitsASecondThenTheWholeHour() {
		Outcome first = this.policy.afterSend(claim(1, false, DeliveryStatus.QUEUED, NOW),
				new CallResult.RateLimited<>(10023, "too often", 200), NOW);
		assertThat(first.status()).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(first.nextAttemptAt()).isEqualTo(NOW.plus(OaWindow.MIN_INTERVAL));
		Claim again = claim(1, false, DeliveryStatus.QUEUED, RunState.RUNNING, NOW, 10023, OaWindow.EMPTY);
		Outcome second = this.policy.afterSend(again, new CallResult.RateLimited<>(10023, "too often", 200),
				NOW.plusSeconds(2));
		assertThat(second.status()).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(second.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2).plus(OaWindow.BROADCAST_WINDOW));
	}

	@Test
	void refusalsFailOnlyAfterHoursOfWaiting() {
		Claim claim = claim(1, false, DeliveryStatus.QUEUED, RunState.RUNNING, NOW.minus(RetryPolicy.WINDOW_WAIT_LIMIT),
				10023, OaWindow.EMPTY);
		Outcome outcome = this.policy.afterSend(claim, new CallResult.RateLimited<>(10023, "too often", 200), NOW);
		assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(outcome.answer().errorCode()).isEqualTo(10023);
		assertThat(outcome.waitsForWindow()).isFalse();
	}

	@Test
	void finalErrorsFailWithCodeAndTextUnlessAnEarlierAttemptMayHaveLanded() {
		CallResult<SendMsgResponse> gone = new CallResult.Failed<>(10010, "no such account", 200);
		Outcome failed = this.policy.afterSend(claim(1, false, DeliveryStatus.QUEUED, NOW), gone, NOW);
		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(failed.answer().errorCode()).isEqualTo(10010);
		assertThat(failed.answer().errorInfo()).isEqualTo("no such account");
		assertThat(this.policy.afterSend(claim(2, true, DeliveryStatus.QUEUED, NOW), gone, NOW).status())
			.isEqualTo(DeliveryStatus.IN_DOUBT);
	}

	@Test
	void theResendWindowStartsWithTheFirstAttemptThatMayHaveLandedNotWithTheFirstAttempt() {
		// First called ten minutes ago, proven absent, then sent again a minute ago with
		// an unknown outcome: the resend is still covered by Tencent's duplicate filter.
		Claim resent = new Claim(1, 2, 3, "@TOA#_a", 42, 3, DeliveryStatus.QUEUED, RunState.RUNNING, true, true,
				NOW.minus(Duration.ofMinutes(10)), NOW.minusSeconds(60), NOW, true, null, null, OaWindow.EMPTY);
		assertThat(this.policy.mode(resent, NOW)).isEqualTo(AttemptKind.SEND);
		assertThat(this.policy.mode(resent, NOW.plus(Duration.ofMinutes(3)))).isEqualTo(AttemptKind.RECONCILE);
	}

	@Test
	void lookupsSettleResendOnlyWhenProvenAbsentAndLeaveTheUndecidedToAnOperator() {
		Claim doubt = claim(2, true, DeliveryStatus.IN_DOUBT, NOW);
		Outcome found = this.policy.afterLookup(doubt, Finding.found("k", 5L), NOW);
		assertThat(found.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(found.msgKey()).isEqualTo("k");
		Outcome absent = this.policy.afterLookup(doubt, Finding.absent(), NOW);
		assertThat(absent.status()).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(absent.nextAttemptAt()).isEqualTo(NOW);
		assertThat(absent.maybeSent()).as("a new duplicate window on the next send").isFalse();
		Outcome undecided = this.policy.afterLookup(doubt, Finding.undecided(DoubtReason.HISTORY_CUT), NOW);
		assertThat(undecided.status()).isEqualTo(DeliveryStatus.IN_DOUBT);
		assertThat(undecided.isFinal()).as("never looked up or sent on its own again").isTrue();
		assertThat(undecided.doubtReason()).isEqualTo(DoubtReason.HISTORY_CUT);
		Outcome unreadable = this.policy.afterLookup(doubt, Finding.unreadable("HTTP 502"), NOW);
		assertThat(unreadable.status()).isEqualTo(DeliveryStatus.IN_DOUBT);
		assertThat(unreadable.nextAttemptAt()).isEqualTo(NOW.plusMillis(1500));
		Outcome givenUp = this.policy.afterLookup(claim(8, true, DeliveryStatus.IN_DOUBT, NOW),
				Finding.unreadable("HTTP 502"), NOW);
		assertThat(givenUp.isFinal()).isTrue();
		assertThat(givenUp.doubtReason()).isEqualTo(DoubtReason.LOOKUPS_FAILED);
		Claim cancelled = claim(2, true, DeliveryStatus.IN_DOUBT, RunState.CANCELLED, NOW, null, OaWindow.EMPTY);
		assertThat(this.policy.afterLookup(cancelled, Finding.absent(), NOW).status())
			.isEqualTo(DeliveryStatus.CANCELLED);
		assertThat(this.policy.afterLookup(cancelled, Finding.undecided(DoubtReason.PLACEHOLDER), NOW).status())
			.isEqualTo(DeliveryStatus.IN_DOUBT);
	}

}
