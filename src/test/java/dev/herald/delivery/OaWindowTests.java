package dev.herald.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OaWindowTests {

	private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void anEmptyWindowWaitsOnlyTheSecondAfterACall() {
		assertThat(OaWindow.EMPTY.nextAllowedAt(T)).isEqualTo(T.plus(OaWindow.MIN_INTERVAL));
		assertThat(OaWindow.EMPTY.allowsBroadcastAt(T)).isTrue();
	}

	@Test
	void oneBroadcastStillAllowsASecondOneASecondLater() {
		OaWindow one = OaWindow.EMPTY.withBroadcast(T);
		assertThat(one.nextAllowedAt(T)).isEqualTo(T.plus(OaWindow.MIN_INTERVAL));
		assertThat(one.allowsBroadcastAt(T.plusSeconds(2))).isTrue();
	}

	@Test
	void twoBroadcastsCloseTheOaUntilTheOlderLeavesTheHour() {
		OaWindow two = OaWindow.EMPTY.withBroadcast(T).withBroadcast(T.plusSeconds(10));
		assertThat(two.nextAllowedAt(T.plusSeconds(10))).isEqualTo(T.plus(OaWindow.BROADCAST_WINDOW));
		assertThat(two.allowsBroadcastAt(T.plus(Duration.ofMinutes(59)))).isFalse();
		assertThat(two.allowsBroadcastAt(T.plus(OaWindow.BROADCAST_WINDOW))).isTrue();
	}

	@Test
	void aThirdBroadcastForgetsTheOldest() {
		OaWindow three = OaWindow.EMPTY.withBroadcast(T)
			.withBroadcast(T.plus(Duration.ofMinutes(30)))
			.withBroadcast(T.plus(Duration.ofMinutes(70)));
		assertThat(three.prevBroadcastAt()).isEqualTo(T.plus(Duration.ofMinutes(30)));
		assertThat(three.nextAllowedAt(T.plus(Duration.ofMinutes(70))))
			.isEqualTo(T.plus(Duration.ofMinutes(30)).plus(OaWindow.BROADCAST_WINDOW));
	}

	@Test
	void marginsKeepUsOnTheSafeSideOfTencentsCount() {
		assertThat(OaWindow.MIN_INTERVAL).isGreaterThan(Duration.ofSeconds(1));
		assertThat(OaWindow.BROADCAST_WINDOW).isGreaterThan(Duration.ofHours(1));
	}

}
