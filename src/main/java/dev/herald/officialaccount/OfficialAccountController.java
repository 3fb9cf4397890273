package dev.herald.officialaccount;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Official account pages: search, add by id, edit, import from CSV, sync from Tencent.
 */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
class OfficialAccountController {

	private static final int PAGE_SIZE = 50;

	private final OfficialAccounts accounts;

	private final ChatApps chatApps;

	OfficialAccountController(OfficialAccounts accounts, ChatApps chatApps) {
		this.accounts = accounts;
		this.chatApps = chatApps;
	}

	@ModelAttribute("chatApps")
	List<ChatAppView> chatApps() {
		return this.chatApps.all();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable Long app, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		if (!model.containsAttribute("form")) {
			AccountForm form = new AccountForm();
			form.setChatAppId(app);
			model.addAttribute("form", form);
		}
		return render(app, q, page, model);
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		String idProblem = AccountIds.problem(form.getAccountId());
		if (idProblem != null) {
			result.rejectValue("accountId", idProblem, new Object[] { form.getAccountId() }, null);
		}
		if (form.getChatAppId() != null && this.chatApps.find(form.getChatAppId()).isEmpty()) {
			result.rejectValue("chatAppId", "accounts.app.unknown");
		}
		if (!result.hasErrors()) {
			try {
				String name = (form.getName() != null) ? form.getName() : form.getAccountId();
				long subscribers = (form.getSubscriberCount() != null) ? form.getSubscriberCount() : 0;
				OfficialAccountView added = this.accounts.add(form.getChatAppId(), form.getAccountId(), name,
						subscribers, form.isTestAccount());
				redirect.addFlashAttribute("success", "accounts.added");
				redirect.addFlashAttribute("successArg", added.accountId());
				return "redirect:/accounts?app=" + added.chatAppId();
			}
			catch (AccountRuleException ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return render(form.getChatAppId(), "", 0, model);
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		OfficialAccountView account = this.accounts.find(id).orElseThrow(() -> new AccountNotFoundException(id));
		model.addAttribute("account", account);
		model.addAttribute("form", AccountForm.of(account));
		return "accounts/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") AccountForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		OfficialAccountView account = this.accounts.find(id).orElseThrow(() -> new AccountNotFoundException(id));
		if (form.getName() == null) {
			result.rejectValue("name", "NotBlank");
		}
		if (result.hasFieldErrors("name")) {
			model.addAttribute("account", account);
			return "accounts/edit";
		}
		this.accounts.update(id, form.getName(), form.isTestAccount());
		redirect.addFlashAttribute("success", "accounts.updated");
		redirect.addFlashAttribute("successArg", account.accountId());
		return "redirect:/accounts?app=" + account.chatAppId();
	}

	@GetMapping("/import")
	String importForm(@RequestParam(required = false) @Nullable Long app, Model model) {
		model.addAttribute("selectedApp", app);
		return "accounts/import";
	}

	@PostMapping("/import")
	String importCsv(@RequestParam(required = false) @Nullable Long app,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		model.addAttribute("selectedApp", app);
		if (app == null || this.chatApps.find(app).isEmpty()) {
			model.addAttribute("appError", "accounts.app.unknown");
			return "accounts/import";
		}
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "accounts.import.noFile");
			return "accounts/import";
		}
		ImportResult result;
		try (InputStream in = file.getInputStream()) {
			result = this.accounts.importCsv(app, in);
		}
		if (!result.saved()) {
			model.addAttribute("problems", result.problems());
			return "accounts/import";
		}
		redirect.addFlashAttribute("success", "accounts.imported");
		redirect.addFlashAttribute("successArg", result.created() + " / " + result.updated());
		return "redirect:/accounts?app=" + app;
	}

	@PostMapping("/sync")
	String sync(@RequestParam long app, RedirectAttributes redirect) {
		this.chatApps.get(app);
		SyncResult result = this.accounts.sync(app);
		if (result.failure() != null) {
			redirect.addFlashAttribute("failure", "accounts.sync.failed");
			redirect.addFlashAttribute("failureArg", result.failure());
		}
		else {
			redirect.addFlashAttribute("success", "accounts.synced");
			redirect.addFlashAttribute("successArg", result.updated() + " / " + result.notFound());
		}
		return "redirect:/accounts?app=" + app;
	}

	private String render(@Nullable Long app, @Nullable String q, int page, Model model) {
		String text = (q != null) ? q : "";
		Page<OfficialAccountView> results = this.accounts.search(app, text,
				PageRequest.of(Math.max(0, page), PAGE_SIZE));
		Map<Long, String> appNames = this.chatApps.all()
			.stream()
			.collect(Collectors.toMap(ChatAppView::id, ChatAppView::name, (a, b) -> a));
		model.addAttribute("results", results);
		model.addAttribute("appNames", appNames);
		model.addAttribute("selectedApp", app);
		model.addAttribute("q", text);
		return "accounts/list";
	}

}
