package dev.herald.shared.web;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ModelMap;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationTests {

	private final StaticMessageSource messages = new StaticMessageSource();

	private final ModelMap model = new ModelMap();

	@BeforeEach
	void words() {
		this.messages.addMessage("thing.stop.ask.title", Locale.ENGLISH, "Stop thing {0}?");
		this.messages.addMessage("thing.stop.ask.text", Locale.ENGLISH,
				"{1,choice,1#1 part stops|1<{1,number,integer} parts stop}.");
		this.messages.addMessage("thing.stop.ask.confirm", Locale.ENGLISH, "Stop thing {0}");
		this.messages.addMessage("thing.stop.ask.kept", Locale.ENGLISH, "{0} parts stay.");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
	}

	@AfterEach
	void forget() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void onlyConfirmedTrueSaysYes() {
		assertThat(confirmation(post()).given()).isFalse();
		MockHttpServletRequest no = post();
		no.addParameter("confirmed", "false");
		assertThat(confirmation(no).given()).isFalse();
		MockHttpServletRequest yes = post();
		yes.addParameter("confirmed", "true");
		assertThat(confirmation(yes).given()).isTrue();
	}

	@Test
	void theQuestionIsInWordsAndPostsEveryFieldAgainButTheToken() {
		MockHttpServletRequest request = post();
		request.addParameter("_csrf", "token");
		request.addParameter("roles", "EDITOR", "ANALYST");
		request.addParameter("displayName", "Dana \"D\" <S>");

		String view = confirmation(request)
			.ask(Question.of("thing.stop.ask", 7, 1234).and("thing.stop.ask.kept", 2).backTo("/things/7"));

		assertThat(view).isEqualTo("confirm");
		Confirmation.Asked asked = (Confirmation.Asked) this.model.get("confirmation");
		assertThat(asked.title()).isEqualTo("Stop thing 7?");
		assertThat(asked.lines()).containsExactly("1,234 parts stop.", "2 parts stay.");
		assertThat(asked.button()).isEqualTo("Stop thing 7");
		assertThat(asked.action()).isEqualTo("/app/things/7/stop");
		assertThat(asked.back()).isEqualTo("/things/7");
		assertThat(asked.fields()).containsExactly(new Confirmation.Field("roles", "EDITOR"),
				new Confirmation.Field("roles", "ANALYST"), new Confirmation.Field("displayName", "Dana \"D\" <S>"));
	}

	@Test
	void theScriptGetsOnlyTheDialog() {
		MockHttpServletRequest request = post();
		request.addHeader("X-Herald-Confirm", "dialog");
		assertThat(confirmation(request).ask(Question.of("thing.stop.ask", 7, 1))).isEqualTo("confirm :: dialog");
		Confirmation.Asked asked = (Confirmation.Asked) this.model.get("confirmation");
		assertThat(asked.lines()).isEqualTo(List.of("1 part stops."));
		assertThat(asked.back()).isEqualTo("/");
	}

	private Confirmation confirmation(MockHttpServletRequest request) {
		return new Confirmation(request, this.model, this.messages);
	}

	private static MockHttpServletRequest post() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/things/7/stop");
		request.setContextPath("/app");
		return request;
	}

}
