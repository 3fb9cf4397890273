package dev.herald.staff;

import java.security.Principal;
import java.util.List;

import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.Question;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's user management: list, create, edit, enable/disable, reset
 * password.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class StaffAdminController {

	private final StaffUsers users;

	StaffAdminController(StaffUsers users) {
		this.users = users;
	}

	@InitBinder
	void keepPasswordsVerbatim(WebDataBinder binder) {
		RawPasswordEditor.register(binder, "password", "newPassword", "confirmPassword");
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return List.of(Role.values());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.users.all().stream().map(StaffUserRow::of).toList());
		return "admin/users/list";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new StaffUserForm());
		model.addAttribute("editing", false);
		return "admin/users/form";
	}

	@PostMapping
	String create(@Validated({ Default.class, StaffUserForm.Create.class }) @ModelAttribute("form") StaffUserForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		String password = form.getPassword();
		if (password == null || password.length() < StaffPasswords.MIN_LENGTH) {
			result.rejectValue("password", "staff.password.tooShort", new Object[] { StaffPasswords.MIN_LENGTH }, null);
		}
		if (!result.hasErrors()) {
			try {
				StaffUser created = this.users.create(form.getUsername(), form.getDisplayName(), password,
						form.getRoles());
				redirect.addFlashAttribute("success", "staff.user.created");
				redirect.addFlashAttribute("successArg", created.getUsername());
				return "redirect:/admin/users";
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("editing", false);
		return "admin/users/form";
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		StaffUser user = this.users.get(id);
		model.addAttribute("form", StaffUserForm.of(user));
		model.addAttribute("userEnabled", user.isEnabled());
		model.addAttribute("userId", id);
		model.addAttribute("editing", true);
		model.addAttribute("passwordForm", new PasswordForm());
		return "admin/users/form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") StaffUserForm form, BindingResult result,
			Model model, Principal principal, Confirmation confirmation, RedirectAttributes redirect) {
		StaffUser existing = this.users.get(id);
		// The user name is fixed once created; ignore whatever the form says.
		form.setUsername(existing.getUsername());
		// Disabling someone else asks first (disabling oneself is refused below anyway).
		boolean disabling = existing.isEnabled() && !form.isEnabled()
				&& !existing.getUsername().equals(principal.getName());
		if (!result.hasErrors() && disabling && !confirmation.given()) {
			return confirmation
				.ask(Question.of("staff.user.disable.ask", existing.getUsername(), existing.getDisplayName())
					.backTo("/admin/users/" + id));
		}
		if (!result.hasErrors()) {
			try {
				this.users.update(id, form.getVersion(), form.getDisplayName(), form.getRoles(), form.isEnabled(),
						principal.getName());
				redirect.addFlashAttribute("success", "staff.user.updated");
				redirect.addFlashAttribute("successArg", existing.getUsername());
				return "redirect:/admin/users";
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("userEnabled", existing.isEnabled());
		model.addAttribute("userId", id);
		model.addAttribute("editing", true);
		model.addAttribute("passwordForm", new PasswordForm());
		return "admin/users/form";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("passwordForm") PasswordForm passwordForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		StaffUser existing = this.users.get(id);
		if (!passwordForm.confirmed()) {
			result.rejectValue("confirmPassword", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("form", StaffUserForm.of(existing));
			model.addAttribute("userEnabled", existing.isEnabled());
			model.addAttribute("userId", id);
			model.addAttribute("editing", true);
			return "admin/users/form";
		}
		this.users.resetPassword(id, passwordForm.getNewPassword());
		redirect.addFlashAttribute("success", "staff.user.passwordReset");
		redirect.addFlashAttribute("successArg", existing.getUsername());
		return "redirect:/admin/users";
	}

}
