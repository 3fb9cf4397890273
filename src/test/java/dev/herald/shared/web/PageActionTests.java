package dev.herald.shared.web;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageActionTests {

	@Test
	void aChangeMadeGoesBackToThePageSayingSo() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		boolean[] made = new boolean[1];
		assertThat(PageAction.run("/things/3", redirect, "thing.paused", "thing.refused", () -> made[0] = true))
			.isEqualTo("redirect:/things/3");
		assertThat(made[0]).isTrue();
		assertThat(flash(redirect)).containsExactlyEntriesOf(Map.of("success", "thing.paused"));
	}

	@Test
	void aChangeTheStateRefusesGoesBackToThePageWithoutTheExceptionsText() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		assertThat(PageAction.run("/things/3", redirect, "thing.paused", "thing.refused", () -> {
			throw new IllegalStateException("it is COMPLETED");
		})).isEqualTo("redirect:/things/3");
		assertThat(flash(redirect)).containsExactlyEntriesOf(Map.of("failure", "thing.refused"));
	}

	@Test
	void aRefusalReadsItsReasonAfterTheChangeFailed() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		String[] state = { "RUNNING" };
		assertThat(PageAction.run("/things/3", redirect, "thing.paused", "thing.refused", () -> "Thing." + state[0],
				() -> {
					state[0] = "COMPLETED";
					throw new IllegalStateException("it is COMPLETED");
				}))
			.isEqualTo("redirect:/things/3");
		assertThat(flash(redirect)).containsEntry("failure", "thing.refused")
			.containsEntry("failureArg", "Thing.COMPLETED")
			.doesNotContainKey("success");
	}

	@Test
	void otherFailuresAreNotTurnedIntoAFlash() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PageAction.run("/things/3", redirect, "thing.paused", "thing.refused", () -> {
				throw new IllegalArgumentException("broken");
			}));
		assertThat(flash(redirect)).isEmpty();
	}

	private static Map<String, Object> flash(RedirectAttributesModelMap redirect) {
		return new HashMap<>(redirect.getFlashAttributes());
	}

}
