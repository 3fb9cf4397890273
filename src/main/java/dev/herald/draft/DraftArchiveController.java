package dev.herald.draft;

import java.util.UUID;

import java.security.Principal;

import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.FormSubmission;
import dev.herald.shared.web.Question;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Archiving (after a question naming the draft), restoring and cloning a draft: operators
 * and editors (ADMIN by the hierarchy), each audited.
 */
@Controller
@RequestMapping("/drafts/{id}")
@PreAuthorize("hasAnyRole('OPERATOR','EDITOR')")
class DraftArchiveController {

	private final Drafts drafts;

	private final MessageSource messages;

	DraftArchiveController(Drafts drafts, MessageSource messages) {
		this.drafts = drafts;
		this.messages = messages;
	}

	@PostMapping("/archive")
	String archive(@PathVariable long id, Confirmation confirmation, RedirectAttributes redirect) {
		if (!confirmation.given()) {
			return confirmation.ask(
					Question.of("drafts.archive.ask", this.drafts.view(id).draft().getTitle()).backTo("/drafts/" + id));
		}
		this.drafts.archive(id);
		redirect.addFlashAttribute("success", "drafts.archivedDone");
		return "redirect:/drafts/" + id;
	}

	@PostMapping("/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		this.drafts.restore(id);
		redirect.addFlashAttribute("success", "drafts.restoredDone");
		return "redirect:/drafts/" + id;
	}

	@PostMapping("/clone")
	String copy(@PathVariable long id, @RequestParam(required = false) @Nullable String submissionToken,
			Principal principal, RedirectAttributes redirect) {
		Draft source = this.drafts.view(id).draft();
		String title = this.messages.getMessage("drafts.clone.title", new Object[] { source.getTitle() },
				LocaleContextHolder.getLocale());
		if (title.length() > DraftForm.MAX_TITLE) {
			int end = DraftForm.MAX_TITLE - 1;
			end = Character.isHighSurrogate(title.charAt(end - 1)) ? end - 1 : end;
			title = title.substring(0, end) + "…";
		}
		UUID token = FormSubmission.token(submissionToken);
		String copyTitle = title;
		FormSubmission.Landed landed = FormSubmission.once(token, this.drafts::findByToken,
				() -> FormSubmission.Landed.created(this.drafts.copy(id, token, copyTitle, principal.getName())));
		redirect.addFlashAttribute("success", landed.created() ? "drafts.cloned" : "drafts.alreadyCreated");
		return "redirect:/drafts/" + landed.id() + "/edit";
	}

}
