package dev.herald.staff;

import java.security.Principal;

import dev.herald.shared.RuleViolationException;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lets every signed-in user change their own password.
 */
@Controller
@RequestMapping("/account/password")
class AccountController {

	private final StaffUsers users;

	AccountController(StaffUsers users) {
		this.users = users;
	}

	@InitBinder
	void keepPasswordsVerbatim(WebDataBinder binder) {
		RawPasswordEditor.register(binder, "currentPassword", "newPassword", "confirmPassword");
	}

	@GetMapping
	String form(@ModelAttribute("passwordForm") PasswordForm passwordForm) {
		return "account/password";
	}

	@PostMapping
	String change(@Valid @ModelAttribute("passwordForm") PasswordForm passwordForm, BindingResult result,
			Principal principal, RedirectAttributes redirect) {
		if (passwordForm.getCurrentPassword() == null) {
			result.rejectValue("currentPassword", "NotBlank");
		}
		if (!passwordForm.confirmed()) {
			result.rejectValue("confirmPassword", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			return "account/password";
		}
		try {
			this.users.changeOwnPassword(principal.getName(), passwordForm.getCurrentPassword(),
					passwordForm.getNewPassword());
		}
		catch (RuleViolationException ex) {
			ex.rejectIn(result);
			return "account/password";
		}
		redirect.addFlashAttribute("success", "account.password.changed");
		return "redirect:/";
	}

}
