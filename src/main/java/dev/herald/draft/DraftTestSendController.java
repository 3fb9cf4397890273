package dev.herald.draft;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.herald.tencent.TencentErrorCodes;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final MessageSource messages;

	private final Clock clock;

	DraftTestSendController(DraftTestSends testSends, MessageSource messages, Clock clock) {
		this.testSends = testSends;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping("/drafts/{id}/test-send")
	String testSend(@PathVariable long id, @RequestParam long account, RedirectAttributes redirect) {
		TestSendResult result = this.testSends.send(id, account);
		Instant opens = result.windowOpensAt();
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
		else {
			String detail = (result.errorCode() != 0)
					? result.errorCode() + " " + this.messages
						.getMessage(TencentErrorCodes.describe(result.errorCode()), LocaleContextHolder.getLocale())
					: result.reason();
			redirect.addFlashAttribute("failure", "drafts.testSend.failed");
			redirect.addFlashAttribute("failureArg", detail);
		}
		return "redirect:/drafts/" + id;
	}

}
