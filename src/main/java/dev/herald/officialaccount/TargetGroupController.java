package dev.herald.officialaccount;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.shared.NotFoundException;
import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.Question;
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

/**
 * Target groups: static sets of official accounts of one Chat app (picked by search or
 * uploaded as a CSV of ids) or dynamic ones (a saved filter on tags and text).
 */
@Controller
@RequestMapping("/accounts/groups")
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
class TargetGroupController {

	// Chosen members the form lists by name; the rest are counted.
	private static final int SHOWN_MEMBERS = 50;

	private final OfficialAccounts accounts;

	private final ChatApps chatApps;

	private final TargetGroupRepository groups;

	private final AccountSearch search;

	private final Audiences audiences;

	TargetGroupController(OfficialAccounts accounts, ChatApps chatApps, TargetGroupRepository groups,
			AccountSearch search, Audiences audiences) {
		this.accounts = accounts;
		this.chatApps = chatApps;
		this.groups = groups;
		this.search = search;
		this.audiences = audiences;
	}

	/** Every app and its name, from one read. */
	@ModelAttribute
	void chatApps(Model model) {
		List<ChatAppView> apps = this.chatApps.all();
		model.addAttribute("chatApps", apps);
		model.addAttribute("appNames", OfficialAccountController.appNames(apps));
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean archived, Model model) {
		model.addAttribute("groups",
				this.accounts.groups().stream().filter((group) -> archived || !group.archived()).toList());
		model.addAttribute("showArchived", archived);
		return "accounts/groups/list";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(required = false) @Nullable Long app, Model model) {
		TargetGroupForm form = new TargetGroupForm();
		form.setChatAppId((app != null && this.chatApps.find(app).isPresent()) ? app : null);
		return renderForm(form, null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") TargetGroupForm form, BindingResult result,
			@RequestParam(required = false) @Nullable Long add, @RequestParam(required = false) @Nullable Long remove,
			@RequestParam(required = false) @Nullable String search, Model model, RedirectAttributes redirect)
			throws IOException {
		if (form.getChatAppId() != null && this.chatApps.find(form.getChatAppId()).isEmpty()) {
			result.rejectValue("chatAppId", "accounts.app.unknown");
		}
		if (form.getChatAppId() == null || result.hasFieldErrors("chatAppId")) {
			form.setChatAppId(null);
			return renderForm(form, null, model);
		}
		long app = form.getChatAppId();
		GroupRule rule = prepare(form, result, add, remove, search, model);
		if (rule != null && !result.hasErrors()) {
			try {
				TargetGroupView group = this.accounts.createGroup(app, form.getName(), form.getDescription(), rule);
				redirect.addFlashAttribute("success", "groups.saved");
				redirect.addFlashAttribute("successArg", group.name());
				return "redirect:/accounts/groups/" + group.id();
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		return renderForm(form, null, model);
	}

	/** The group: its form, member count and a page of its members. */
	@GetMapping("/{id}")
	String editForm(@PathVariable long id, @RequestParam(required = false) @Nullable String after, Model model) {
		TargetGroup group = this.groups.findById(id).orElseThrow(() -> new NotFoundException("target group", id));
		TargetGroupView view = this.accounts.group(id).orElseThrow();
		model.addAttribute("group", view);
		model.addAttribute("memberPage", this.search.members(view, after));
		return renderForm(
				TargetGroupForm.of(view, view.dynamic() ? Set.of() : this.accounts.memberIds(id), group.getVersion()),
				id, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") TargetGroupForm form, BindingResult result,
			@RequestParam(required = false) @Nullable Long add, @RequestParam(required = false) @Nullable Long remove,
			@RequestParam(required = false) @Nullable String search, Model model, RedirectAttributes redirect)
			throws IOException {
		TargetGroup group = this.groups.findById(id).orElseThrow(() -> new NotFoundException("target group", id));
		// The app of a group never changes; ignore what the form says.
		form.setChatAppId(group.getChatAppId());
		GroupRule rule = prepare(form, result, add, remove, search, model);
		if (rule != null && !result.hasErrors()) {
			try {
				this.accounts.updateGroup(id, form.getVersion(), form.getName(), form.getDescription(), rule);
				redirect.addFlashAttribute("success", "groups.saved");
				redirect.addFlashAttribute("successArg", form.getName());
				return "redirect:/accounts/groups/" + id;
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		TargetGroupView view = this.accounts.group(id).orElseThrow();
		model.addAttribute("group", view);
		model.addAttribute("memberPage", this.search.members(view, null));
		return renderForm(form, id, model);
	}

	@PostMapping("/{id}/archive")
	String archive(@PathVariable long id, Confirmation confirmation, RedirectAttributes redirect) {
		if (!confirmation.given()) {
			TargetGroupView group = this.accounts.group(id)
				.orElseThrow(() -> new NotFoundException("target group", id));
			return confirmation.ask(Question.of("groups.archive.ask", group.name(), group.memberCount())
				.backTo("/accounts/groups/" + id));
		}
		this.accounts.archiveGroup(id);
		redirect.addFlashAttribute("success", "groups.archive.done");
		redirect.addFlashAttribute("successArg", this.accounts.group(id).map(TargetGroupView::name).orElse(""));
		return "redirect:/accounts/groups/" + id;
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		this.accounts.restoreGroup(id);
		redirect.addFlashAttribute("success", "groups.restore.done");
		redirect.addFlashAttribute("successArg", this.accounts.group(id).map(TargetGroupView::name).orElse(""));
		return "redirect:/accounts/groups/" + id;
	}

	/** The member picker's search results (htmx): a page of matches with add buttons. */
	@GetMapping("/candidates")
	String candidates(@RequestParam(required = false) @Nullable Long chatAppId,
			@RequestParam(required = false) @Nullable String memberQuery, Model model) {
		model.addAttribute("candidates", candidates(chatAppId, memberQuery));
		return "accounts/groups/form :: candidates";
	}

	/** How many accounts a dynamic filter matches now (htmx, as the filter is typed). */
	@GetMapping("/count")
	String count(@RequestParam(required = false) @Nullable Long chatAppId,
			@RequestParam(required = false) @Nullable String filterTags,
			@RequestParam(required = false) @Nullable String filterText, Model model) {
		model.addAttribute("matchCount", matchCount(chatAppId, filterTags, filterText));
		return "accounts/groups/form :: matchCount";
	}

	/**
	 * Applies the picker's buttons and the uploaded CSV to the form, and checks it.
	 * @return the rule to save, or {@code null} when the form only changed (a member
	 * added or removed, a search) and goes back to the page
	 */
	private @Nullable GroupRule prepare(TargetGroupForm form, BindingResult result, @Nullable Long add,
			@Nullable Long remove, @Nullable String search, Model model) throws IOException {
		long app = Objects.requireNonNull(form.getChatAppId());
		if (form.isDynamic()) {
			List<String> tags = Tags.parse(form.getFilterTags());
			String problem = tags.isEmpty() ? "groups.filter.tags.required" : Tags.problem(tags);
			if (problem != null) {
				result.rejectValue("filterTags", problem);
			}
			return GroupRule.filter(tags, form.getFilterText());
		}
		MultipartFile file = form.getMembersFile();
		if (file != null && !file.isEmpty()) {
			upload(app, file, form, result, model);
		}
		if (add != null) {
			form.getMembers().add(add);
		}
		if (remove != null) {
			form.getMembers().remove(remove);
		}
		if (add != null || remove != null || search != null) {
			return null;
		}
		if (form.getMembers().isEmpty() && !result.hasFieldErrors("membersFile")) {
			result.rejectValue("members", "groups.members.required");
		}
		return GroupRule.members(form.getMembers());
	}

	private void upload(long app, MultipartFile file, TargetGroupForm form, BindingResult result, Model model)
			throws IOException {
		CsvDecoder.Decoded decoded;
		try (InputStream in = file.getInputStream()) {
			decoded = CsvDecoder.decode(in, form.getMembersEncoding());
		}
		if (!decoded.problems().isEmpty()) {
			result.rejectValue("membersFile", "groups.members.file");
			model.addAttribute("memberProblems", decoded.problems());
			return;
		}
		MemberCsv.Parsed parsed = MemberCsv.parse(new StringReader(decoded.text()));
		List<AccountCsv.Problem> problems = new ArrayList<>(parsed.problems());
		Map<String, Long> ids = this.accounts.idsOf(app, parsed.lines().keySet());
		parsed.lines().forEach((accountId, line) -> {
			if (!ids.containsKey(accountId)) {
				problems.add(new AccountCsv.Problem(line, "groups.members.unknown", accountId));
			}
		});
		if (problems.isEmpty()) {
			form.getMembers().addAll(ids.values());
		}
		else {
			result.rejectValue("membersFile", "groups.members.file");
			problems.sort(Comparator.comparingLong(AccountCsv.Problem::line));
			model.addAttribute("memberProblems", problems);
		}
	}

	private String renderForm(TargetGroupForm form, @Nullable Long groupId, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("groupId", groupId);
		model.addAttribute("encodings", CsvEncoding.values());
		if (!model.containsAttribute("memberProblems")) {
			model.addAttribute("memberProblems", List.of());
		}
		Long app = form.getChatAppId();
		if (app != null) {
			List<Long> shown = form.getMembers().stream().limit(SHOWN_MEMBERS).toList();
			model.addAttribute("chosen", this.accounts.views(shown));
			model.addAttribute("candidates", candidates(app, form.getMemberQuery()));
			model.addAttribute("matchCount", matchCount(app, form.getFilterTags(), form.getFilterText()));
			model.addAttribute("knownTags", this.search.suggestedTags(app));
		}
		return "accounts/groups/form";
	}

	private List<OfficialAccountView> candidates(@Nullable Long app, @Nullable String query) {
		if (app == null || query == null || query.isBlank()) {
			return List.of();
		}
		return this.search.candidates(app, query, AccountSearch.PAGE_SIZE);
	}

	private @Nullable Integer matchCount(@Nullable Long app, @Nullable String filterTags, @Nullable String filterText) {
		List<String> tags = Tags.parse(filterTags);
		if (app == null || tags.isEmpty() || Tags.problem(tags) != null) {
			return null;
		}
		return this.audiences.countFilter(app, tags, filterText);
	}

}
