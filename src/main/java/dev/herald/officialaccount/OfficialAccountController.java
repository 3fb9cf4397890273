package dev.herald.officialaccount;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.shared.NotFoundException;
import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.Htmx;
import dev.herald.shared.web.Question;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.ErrorCodeWords;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Official account pages: the filtered list and its bulk actions, add by id, edit, tag,
 * archive, import from CSV, sync from Tencent.
 */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
class OfficialAccountController {

	private final OfficialAccounts accounts;

	private final ChatApps chatApps;

	private final AccountSearch search;

	private final AccountBulkActions bulk;

	private final ErrorCodeWords words;

	OfficialAccountController(OfficialAccounts accounts, ChatApps chatApps, AccountSearch search,
			AccountBulkActions bulk, ErrorCodeWords words) {
		this.accounts = accounts;
		this.chatApps = chatApps;
		this.search = search;
		this.bulk = bulk;
		this.words = words;
	}

	/** Every app and its name, from one read. */
	@ModelAttribute
	void chatApps(Model model) {
		List<ChatAppView> apps = this.chatApps.all();
		model.addAttribute("chatApps", apps);
		model.addAttribute("appNames", appNames(apps));
	}

	/**
	 * The list, filtered and paged on the server; an htmx request (search as you type)
	 * gets the results only.
	 */
	@GetMapping
	String list(@ModelAttribute("filter") AccountFilter filter, BindingResult binding, HtmxRequest htmx, Model model) {
		if (!model.containsAttribute("form")) {
			AccountForm form = new AccountForm();
			form.setChatAppId(filter.getApp());
			model.addAttribute("form", form);
		}
		boolean fragment = Htmx.partial(htmx);
		render(filter, model, true, !fragment);
		model.addAttribute("ignored", filter.ignored(binding));
		return fragment ? "accounts/list :: results" : "accounts/list";
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
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		AccountFilter filter = new AccountFilter();
		filter.setApp(form.getChatAppId());
		model.addAttribute("filter", filter);
		render(filter, model);
		return "accounts/list";
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		OfficialAccountView account = this.accounts.find(id)
			.orElseThrow(() -> new NotFoundException("official account", id));
		model.addAttribute("account", account);
		model.addAttribute("form", AccountForm.of(account));
		return "accounts/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") AccountForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		OfficialAccountView account = this.accounts.find(id)
			.orElseThrow(() -> new NotFoundException("official account", id));
		if (form.getName() == null) {
			result.rejectValue("name", "NotBlank");
		}
		List<String> tags = Tags.parse(form.getTags());
		String tagProblem = Tags.problem(tags);
		if (tagProblem != null) {
			result.rejectValue("tags", tagProblem);
		}
		if (result.hasFieldErrors("name") || result.hasFieldErrors("tags")) {
			model.addAttribute("account", account);
			return "accounts/edit";
		}
		this.accounts.update(id, form.getName(), form.isTestAccount(), tags);
		redirect.addFlashAttribute("success", "accounts.updated");
		redirect.addFlashAttribute("successArg", account.accountId());
		return "redirect:/accounts?app=" + account.chatAppId();
	}

	@PostMapping("/{id}/archive")
	String archive(@PathVariable long id, Confirmation confirmation, RedirectAttributes redirect) {
		if (!confirmation.given()) {
			OfficialAccountView account = this.accounts.find(id)
				.orElseThrow(() -> new NotFoundException("official account", id));
			return confirmation.ask(
					Question.of("accounts.archive.ask", account.accountId(), account.name()).backTo("/accounts/" + id));
		}
		OfficialAccountView account = this.accounts.archive(id);
		redirect.addFlashAttribute("success", "accounts.archive.done");
		redirect.addFlashAttribute("successArg", account.accountId());
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		OfficialAccountView account = this.accounts.restore(id);
		redirect.addFlashAttribute("success", "accounts.restore.done");
		redirect.addFlashAttribute("successArg", account.accountId());
		return "redirect:/accounts/" + id;
	}

	/** Asks before a bulk action, naming how many accounts it changes. */
	@GetMapping("/bulk")
	String confirmBulk(@ModelAttribute("filter") AccountFilter filter, BindingResult binding,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String bulkTag, Model model) {
		Bulk bulk = bulk(filter, action, bulkTag, model);
		if (bulk != null) {
			model.addAttribute("count", this.bulk.count(filter, bulk.action(), bulk.tag()));
		}
		return "accounts/bulk";
	}

	/**
	 * Applies a confirmed bulk action; if the selection changed since the confirmation,
	 * asks again with the new count.
	 */
	@PostMapping("/bulk")
	String applyBulk(@ModelAttribute("filter") AccountFilter filter, BindingResult binding,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String bulkTag,
			@RequestParam(required = false) @Nullable Long expected, Model model, RedirectAttributes redirect) {
		Bulk bulk = bulk(filter, action, bulkTag, model);
		if (bulk == null) {
			return "accounts/bulk";
		}
		long count = this.bulk.count(filter, bulk.action(), bulk.tag());
		if (expected == null || count != expected) {
			model.addAttribute("count", count);
			model.addAttribute("changed", expected != null);
			return "accounts/bulk";
		}
		long changed = this.bulk.apply(filter, bulk.action(), bulk.tag());
		redirect.addFlashAttribute("success", "accounts.bulk.done." + bulk.action().name().toLowerCase(Locale.ROOT));
		redirect.addFlashAttribute("successArg", changed);
		return "redirect:" + listLink(filter.firstPage());
	}

	private record Bulk(AccountBulkAction action, @Nullable String tag) {

	}

	/** Checks a bulk action's values; problems go to the model, next to their field. */
	private @Nullable Bulk bulk(AccountFilter filter, @Nullable String action, @Nullable String bulkTag, Model model) {
		render(filter.firstPage(), model, false, false);
		model.addAttribute("listLink", listLink(filter.firstPage()));
		model.addAttribute("action", action);
		model.addAttribute("bulkTag", bulkTag);
		AccountBulkAction parsed = null;
		for (AccountBulkAction candidate : AccountBulkAction.values()) {
			if (candidate.name().equalsIgnoreCase(action)) {
				parsed = candidate;
			}
		}
		if (parsed == null) {
			model.addAttribute("actionError", "accounts.bulk.action.required");
			return null;
		}
		model.addAttribute("action", parsed.name());
		if (!parsed.needsTag()) {
			model.addAttribute("bulkTag", "");
			return new Bulk(parsed, null);
		}
		List<String> tags = Tags.parse(bulkTag);
		String problem = tags.isEmpty() ? "accounts.bulk.tag.required"
				: (tags.size() > 1) ? "accounts.bulk.tag.one" : Tags.problem(tags);
		if (problem != null) {
			model.addAttribute("tagError", problem);
			return null;
		}
		model.addAttribute("bulkTag", tags.get(0));
		return new Bulk(parsed, tags.get(0));
	}

	@GetMapping("/import")
	String importForm(@RequestParam(required = false) @Nullable Long app, Model model) {
		model.addAttribute("selectedApp", app);
		model.addAttribute("encodings", CsvEncoding.values());
		model.addAttribute("selectedEncoding", CsvEncoding.UTF_8);
		return "accounts/import";
	}

	@PostMapping("/import")
	String importCsv(@RequestParam(required = false) @Nullable Long app,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "UTF_8") CsvEncoding encoding, Model model, RedirectAttributes redirect)
			throws IOException {
		model.addAttribute("selectedApp", app);
		model.addAttribute("encodings", CsvEncoding.values());
		model.addAttribute("selectedEncoding", encoding);
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
			result = this.accounts.importCsv(app, in, encoding);
		}
		if (!result.saved()) {
			model.addAttribute("problems", result.problems());
			return "accounts/import";
		}
		redirect.addFlashAttribute("success", "accounts.imported");
		redirect.addFlashAttribute("successArg", result.created());
		redirect.addFlashAttribute("successArg2", result.updated());
		return "redirect:/accounts?app=" + app;
	}

	@PostMapping("/sync")
	String sync(@RequestParam long app, RedirectAttributes redirect, Locale locale) {
		this.chatApps.get(app);
		SyncResult result = this.accounts.sync(app);
		CallResult<?> failure = result.failure();
		if (failure != null) {
			redirect.addFlashAttribute("failure", "accounts.sync.failed");
			redirect.addFlashAttribute("failureArg", this.words.failure(failure, locale));
		}
		else {
			redirect.addFlashAttribute("success", "accounts.synced");
			redirect.addFlashAttribute("successArg", result.updated() + " / " + result.notFound());
		}
		return "redirect:/accounts?app=" + app;
	}

	private void render(AccountFilter filter, Model model) {
		render(filter, model, true, true);
	}

	private void render(AccountFilter filter, Model model, boolean withPage, boolean withSuggestions) {
		if (withPage) {
			AccountSearch.Page page = this.search.page(filter);
			model.addAttribute("page", page);
			if (page.next() != null) {
				AccountFilter next = filter.firstPage();
				next.setAfterApp(page.next().app());
				next.setAfter(page.next().accountId());
				model.addAttribute("nextLink", listLink(next));
			}
			model.addAttribute("firstLink", (filter.getAfter() != null) ? listLink(filter.firstPage()) : null);
		}
		model.addAttribute("selectedApp", filter.getApp());
		model.addAttribute("knownTags",
				(withSuggestions && filter.getApp() != null) ? this.search.suggestedTags(filter.getApp()) : List.of());
	}

	static Map<Long, String> appNames(List<ChatAppView> apps) {
		return apps.stream().collect(Collectors.toMap(ChatAppView::id, ChatAppView::name, (a, b) -> a));
	}

	/** The list's address for a filter (and page). */
	static String listLink(AccountFilter filter) {
		return UriComponentsBuilder.fromPath("/accounts")
			.queryParamIfPresent("app", Optional.ofNullable(filter.getApp()))
			.queryParamIfPresent("q", Optional.ofNullable(filter.getQ()).filter((q) -> !q.isBlank()))
			.queryParamIfPresent("tag", Optional.ofNullable(filter.getTag()).filter((t) -> !t.isBlank()))
			.queryParamIfPresent("test", Optional.of(true).filter((t) -> filter.isTest()))
			.queryParamIfPresent("archived",
					Optional.of(filter.getArchived()).filter((a) -> a != AccountFilter.Archived.HIDE))
			.queryParamIfPresent("afterApp", Optional.ofNullable(filter.getAfterApp()))
			.queryParamIfPresent("after", Optional.ofNullable(filter.getAfter()))
			.encode()
			.build()
			.toUriString();
	}

}
