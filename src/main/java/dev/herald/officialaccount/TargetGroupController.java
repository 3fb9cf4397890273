package dev.herald.officialaccount;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Target groups: named sets of official accounts of one Chat app.
 */
@Controller
@RequestMapping("/accounts/groups")
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
class TargetGroupController {

	private final OfficialAccounts accounts;

	private final ChatApps chatApps;

	private final TargetGroupRepository groups;

	TargetGroupController(OfficialAccounts accounts, ChatApps chatApps, TargetGroupRepository groups) {
		this.accounts = accounts;
		this.chatApps = chatApps;
		this.groups = groups;
	}

	@ModelAttribute("chatApps")
	List<ChatAppView> chatApps() {
		return this.chatApps.all();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("groups", this.accounts.groups());
		model.addAttribute("appNames",
				this.chatApps.all()
					.stream()
					.collect(Collectors.toMap(ChatAppView::id, ChatAppView::name, (a, b) -> a)));
		return "accounts/groups/list";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(required = false) @Nullable Long app, Model model) {
		TargetGroupForm form = new TargetGroupForm();
		form.setChatAppId(app);
		return renderForm(form, null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") TargetGroupForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getChatAppId() != null && this.chatApps.find(form.getChatAppId()).isEmpty()) {
			result.rejectValue("chatAppId", "accounts.app.unknown");
		}
		if (!result.hasErrors()) {
			try {
				TargetGroupView group = this.accounts.createGroup(form.getChatAppId(), form.getName(),
						form.getDescription(), form.getMembers());
				redirect.addFlashAttribute("success", "groups.saved");
				redirect.addFlashAttribute("successArg", group.name());
				return "redirect:/accounts/groups";
			}
			catch (AccountRuleException ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return renderForm(form, null, model);
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		TargetGroup group = this.groups.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
		return renderForm(TargetGroupForm.of(this.accounts.group(id).orElseThrow(), this.accounts.memberIds(id),
				group.getVersion()), id, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") TargetGroupForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		TargetGroup group = this.groups.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
		// The app of a group never changes; ignore what the form says.
		form.setChatAppId(group.getChatAppId());
		if (!result.hasErrors()) {
			try {
				this.accounts.updateGroup(id, form.getVersion(), form.getName(), form.getDescription(),
						form.getMembers());
				redirect.addFlashAttribute("success", "groups.saved");
				redirect.addFlashAttribute("successArg", form.getName());
				return "redirect:/accounts/groups";
			}
			catch (AccountRuleException ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return renderForm(form, id, model);
	}

	private String renderForm(TargetGroupForm form, @Nullable Long groupId, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("groupId", groupId);
		model.addAttribute("candidates", (form.getChatAppId() != null) ? this.accounts.ofApp(form.getChatAppId())
				: List.<OfficialAccountView>of());
		Map<Long, String> appNames = this.chatApps.all()
			.stream()
			.collect(Collectors.toMap(ChatAppView::id, ChatAppView::name, (a, b) -> a));
		model.addAttribute("appNames", appNames);
		return "accounts/groups/form";
	}

}
