package dev.herald.draft;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.Locale;

import dev.herald.tencent.CallResult;
import dev.herald.tencent.ErrorCodeWords;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The test send button of the draft page (operators only).
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class DraftTestSendController {

	private final DraftTestSends testSends;

	private final ErrorCodeWords words;

	private final Clock clock;

	DraftTestSendController(DraftTestSends testSends, ErrorCodeWords words, Clock clock) {
		this.testSends = testSends;
		this.words = words;
		this.clock = clock;
	}

	@PostMapping("/drafts/{id}/test-send")
	String testSend(@PathVariable long id, @RequestParam long account, RedirectAttributes redirect, Locale locale) {
		TestSendResult result = this.testSends.send(id, account);
		Instant opens = result.windowOpensAt();
		CallResult<?> failure = result.failure();
		if (opens != null) {
			// Nothing was sent: say when to try again, in whole minutes (no time zone).
			long seconds = Math.max(1, Duration.between(this.clock.instant(), opens).toSeconds());
			redirect.addFlashAttribute("failure", "drafts.testSend.windowFull");
			redirect.addFlashAttribute("failureArg", (seconds + 59) / 60);
		}
		else if (result.ok()) {
			redirect.addFlashAttribute("success", "drafts.testSend.sent");
			redirect.addFlashAttribute("successArg", result.msgKey());
		}
		else if (failure != null) {
			redirect.addFlashAttribute("failure", "drafts.testSend.failed");
			redirect.addFlashAttribute("failureArg", this.words.failure(failure, locale));
		}
		return "redirect:/drafts/" + id;
	}

}
