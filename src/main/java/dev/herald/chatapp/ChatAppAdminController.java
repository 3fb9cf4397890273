package dev.herald.chatapp;

import java.util.List;
import java.util.Locale;

import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.Question;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.ErrorCodeWords;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin's Chat app pages: list, create, edit, test connection, disable and enable.
 */
@Controller
@RequestMapping("/admin/apps")
@PreAuthorize("hasRole('ADMIN')")
class ChatAppAdminController {

	private final ChatApps apps;

	private final ErrorCodeWords words;

	private final ScheduledCampaigns scheduled;

	private final CallbackJournal callbacks;

	private final @Nullable String publicUrl;

	ChatAppAdminController(ChatApps apps, ErrorCodeWords words, ScheduledCampaigns scheduled, CallbackJournal callbacks,
			@Value("${herald.public-url:}") @Nullable String publicUrl) {
		this.apps = apps;
		this.words = words;
		this.scheduled = scheduled;
		this.callbacks = callbacks;
		this.publicUrl = (publicUrl == null || publicUrl.isBlank()) ? null : publicUrl.replaceAll("/+$", "");
	}

	@ModelAttribute("historyPeriods")
	List<Integer> historyPeriods() {
		return ChatAppSettings.HISTORY_PERIODS;
	}

	@ModelAttribute("endpoints")
	List<Endpoint> endpoints() {
		return List.of(Endpoint.values());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("apps", this.apps.all());
		return "admin/apps/list";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new ChatAppForm());
		model.addAttribute("editing", false);
		return "admin/apps/form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ChatAppForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		checkEndpoint(form, result);
		if (form.getSecretKey() == null) {
			result.rejectValue("secretKey", "NotBlank");
		}
		if (!result.hasErrors()) {
			try {
				ChatAppView created = this.apps.create(form.toSettings(), form.getSecretKey(), form.getCallbackToken());
				redirect.addFlashAttribute("success", "chatapp.created");
				redirect.addFlashAttribute("successArg", created.name());
				return "redirect:/admin/apps";
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		form.setSecretKey(null);
		form.setCallbackToken(null);
		model.addAttribute("editing", false);
		return "admin/apps/form";
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", ChatAppForm.of(this.apps.entity(id)));
		addState(id, model);
		return "admin/apps/form";
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, Confirmation confirmation, RedirectAttributes redirect) {
		ChatAppView app = this.apps.get(id);
		if (!confirmation.given()) {
			return confirmation.ask(Question.of("chatapp.disable.ask", app.name(), this.scheduled.count(id))
				.backTo("/admin/apps/" + id));
		}
		this.apps.disable(id);
		redirect.addFlashAttribute("success", "chatapp.disabledDone");
		redirect.addFlashAttribute("successArg", app.name());
		return "redirect:/admin/apps/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		ChatAppView app = this.apps.get(id);
		this.apps.enable(id);
		redirect.addFlashAttribute("success", "chatapp.enabledDone");
		redirect.addFlashAttribute("successArg", app.name());
		return "redirect:/admin/apps/" + id;
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ChatAppForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		this.apps.get(id);
		checkEndpoint(form, result);
		if (!result.hasErrors()) {
			try {
				this.apps.update(id, form.getVersion(), form.toSettings(), form.getSecretKey(), form.getCallbackToken(),
						form.isRemoveCallbackToken());
				redirect.addFlashAttribute("success", "chatapp.updated");
				redirect.addFlashAttribute("successArg", form.getName());
				return "redirect:/admin/apps";
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		form.setSecretKey(null);
		form.setCallbackToken(null);
		addState(id, model);
		return "admin/apps/form";
	}

	@PostMapping("/{id}/test")
	String testConnection(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		ChatAppView app = this.apps.get(id);
		ConnectionCheck check = this.apps.testConnection(id);
		CallResult<?> failure = check.failure();
		if (failure == null) {
			redirect.addFlashAttribute("success", check.messageKey());
			redirect.addFlashAttribute("successArg", app.name());
		}
		else {
			redirect.addFlashAttribute("failure", check.messageKey());
			redirect.addFlashAttribute("failureArg", app.name() + ": " + this.words.failure(failure, locale));
		}
		return "redirect:/admin/apps";
	}

	/**
	 * The edit page also shows whether the app is enabled and what still sends through
	 * it.
	 */
	private void addState(long id, Model model) {
		model.addAttribute("appId", id);
		model.addAttribute("editing", true);
		model.addAttribute("app", this.apps.get(id));
		model.addAttribute("scheduledCampaigns", this.scheduled.count(id));
		model.addAttribute("callbackStatus", this.callbacks.status(id).orElse(null));
		model.addAttribute("callbackUrl", callbackUrl());
	}

	/**
	 * The address to paste into the Tencent console: Herald's public URL when configured
	 * (behind a proxy the request's own address may be an internal one), else this
	 * request's.
	 */
	private String callbackUrl() {
		String base = (this.publicUrl != null) ? this.publicUrl
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return base + "/callbacks/tencent";
	}

	private static void checkEndpoint(ChatAppForm form, BindingResult result) {
		if (form.getEndpoint() == Endpoint.CUSTOM && form.getCustomBaseUrl() == null) {
			result.rejectValue("customBaseUrl", "chatapp.customBaseUrl.required");
		}
	}

}
