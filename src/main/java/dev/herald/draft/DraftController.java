package dev.herald.draft;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.herald.audit.AuditLog;
import dev.herald.shared.web.FormSubmission;
import dev.herald.shared.web.IgnoredValue;
import dev.herald.tencent.ValidationReport;
import dev.herald.tencent.Violation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The draft list, the composer (new and edit), its live panel, the draft page and the
 * diff between versions. Without JavaScript every composer button submits the form and
 * the page is rendered again; with htmx the live panel follows the typing.
 */
@Controller
@RequestMapping("/drafts")
@PreAuthorize("hasAnyRole('OPERATOR','EDITOR')")
class DraftController {

	static final String FORM = "form";

	private final Drafts drafts;

	private final LivePanels panels;

	private final SmartValidator formValidator;

	private final AuditLog audit;

	private final TestSendPicker testSendPicker;

	DraftController(Drafts drafts, LivePanels panels, Validator beanValidator, AuditLog audit,
			TestSendPicker testSendPicker) {
		this.testSendPicker = testSendPicker;
		this.drafts = drafts;
		this.panels = panels;
		this.formValidator = new SpringValidatorAdapter(beanValidator);
		this.audit = audit;
	}

	@ModelAttribute("elementTypes")
	ElementType[] elementTypes() {
		return ElementType.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String author,
			@RequestParam(name = "q", required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String archived, @RequestParam(defaultValue = "0") int page,
			Model model) {
		List<IgnoredValue> ignored = new ArrayList<>();
		DraftStatus wanted = IgnoredValue.read(status, DraftStatus::valueOf, "drafts.field.status", ignored);
		model.addAttribute("ignored", ignored);
		boolean includeArchived = "true".equals(archived);
		Page<Draft> drafts = this.drafts.list(wanted, author, text, includeArchived, page);
		model.addAttribute("drafts", drafts);
		model.addAttribute("statuses", DraftStatus.values());
		model.addAttribute("status", (wanted != null) ? wanted.name() : "");
		model.addAttribute("author", (author != null) ? author : "");
		model.addAttribute("q", (text != null) ? text : "");
		model.addAttribute("archived", includeArchived);
		return "drafts/list";
	}

	@GetMapping("/new")
	String newDraft(Model model) {
		DraftForm form = new DraftForm();
		form.setSubmissionToken(UUID.randomUUID().toString());
		form.getElements().add(new DraftForm.ElementForm(ElementType.TEXT.wireType()));
		return showComposer(null, form, model);
	}

	@PostMapping("/new")
	String create(@ModelAttribute(FORM) DraftForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, Model model, Principal principal,
			RedirectAttributes redirect) {
		return compose(null, form, result, action, model, principal, redirect);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		DraftView view = this.drafts.view(id);
		requireLive(view.draft());
		DraftForm form = Composition.toForm(view.current().getContentJson());
		form.setTitle(view.draft().getTitle());
		form.setNotes(view.draft().getNotes());
		form.setVersion(view.draft().getVersion());
		return showComposer(id, form, model);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute(FORM) DraftForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, Model model, Principal principal,
			RedirectAttributes redirect) {
		requireLive(this.drafts.view(id).draft());
		return compose(id, form, result, action, model, principal, redirect);
	}

	@PostMapping("/preview")
	String preview(@ModelAttribute(FORM) DraftForm form, Model model) {
		form.getElements().removeIf((element) -> element.getElementType() == null);
		Composition composition = Composition.of(form);
		model.addAttribute("live", this.panels.of(composition));
		return "drafts/form :: live";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		DraftView view = this.drafts.view(id);
		model.addAttribute("view", view);
		model.addAttribute("draft", view.draft());
		model.addAttribute("live", this.panels.of(view.current()));
		model.addAttribute("timeline", this.audit.timeline("draft", id));
		model.addAttribute("testAccountChoices", this.testSendPicker.choices());
		model.addAttribute("cloneToken", UUID.randomUUID().toString());
		return "drafts/detail";
	}

	@GetMapping("/{id}/diff")
	String diff(@PathVariable long id, @RequestParam(required = false) @Nullable Integer from,
			@RequestParam(required = false) @Nullable Integer to, Model model) {
		DraftView view = this.drafts.view(id);
		int newer = (to != null) ? to : view.draft().getCurrentVersion();
		int older = (from != null) ? from : Math.max(1, newer - 1);
		DraftVersion before = this.drafts.version(id, older);
		DraftVersion after = this.drafts.version(id, newer);
		model.addAttribute("view", view);
		model.addAttribute("draft", view.draft());
		model.addAttribute("from", before);
		model.addAttribute("to", after);
		model.addAttribute("diff", DraftDiff.between(before.getContentJson(), after.getContentJson()));
		return "drafts/diff";
	}

	private String compose(@Nullable Long id, DraftForm form, BindingResult result, String action, Model model,
			Principal principal, RedirectAttributes redirect) {
		form.getElements().removeIf((element) -> element.getElementType() == null);
		if (!"save".equals(action)) {
			rearrange(form, action);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, new BeanPropertyBindingResult(form, FORM));
			return showComposer(id, form, model);
		}
		BindingResult checked = new BeanPropertyBindingResult(form, FORM);
		this.formValidator.validate(form, checked);
		Composition composition = Composition.of(form);
		for (Composition.InputError error : composition.inputErrors()) {
			reject(checked, error.field(), error.code(), error.arguments());
		}
		ValidationReport report = this.panels.validate(composition);
		for (Violation violation : composition.remaining(report.errors())) {
			String field = composition.fieldFor(violation);
			reject(checked, (field != null) ? field : "", violation.code(), violation.getArguments());
		}
		if (checked.hasErrors() || (id != null && form.getVersion() == null)) {
			if (!checked.hasErrors()) {
				checked.reject("drafts.composer.stale");
			}
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, checked);
			return showComposer(id, form, model, composition, report);
		}
		String title = (form.getTitle() != null) ? form.getTitle() : "";
		long draftId;
		if (id == null) {
			UUID token = FormSubmission.token(form.getSubmissionToken());
			FormSubmission.Landed landed = FormSubmission
				.once(token, this.drafts::findByToken, () -> FormSubmission.Landed.created(
						this.drafts.create(token, title, form.getNotes(), composition.message(), principal.getName())));
			draftId = landed.id();
			redirect.addFlashAttribute("success", landed.created() ? "drafts.created" : "drafts.alreadyCreated");
		}
		else {
			Long lock = form.getVersion();
			this.drafts.update(id, (lock != null) ? lock : -1, title, form.getNotes(), composition.message(),
					principal.getName());
			draftId = id;
			redirect.addFlashAttribute("success", "drafts.saved");
		}
		redirect.addFlashAttribute("successArg", title);
		return "redirect:/drafts/" + draftId;
	}

	/** An archived draft is read-only until it is restored. */
	private static void requireLive(Draft draft) {
		if (draft.isArchived()) {
			throw new DraftArchivedException(draft.getId());
		}
	}

	private static void reject(BindingResult result, String field, String code, Object[] arguments) {
		if (field.isEmpty()) {
			result.reject(code, arguments, code);
		}
		else {
			result.rejectValue(field, code, arguments, code);
		}
	}

	/** Add, remove and move elements: {@code add-TIMTextElem}, {@code up-2} and so on. */
	static void rearrange(DraftForm form, String action) {
		List<DraftForm.ElementForm> elements = form.getElements();
		elements.removeIf((element) -> element.getElementType() == null);
		int dash = action.indexOf('-');
		if (dash < 0) {
			return;
		}
		String verb = action.substring(0, dash);
		String argument = action.substring(dash + 1);
		if ("add".equals(verb)) {
			ElementType type = ElementType.ofWire(argument);
			if (type != null) {
				elements.add(new DraftForm.ElementForm(type.wireType()));
			}
			return;
		}
		int index;
		try {
			index = Integer.parseInt(argument);
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (index < 0 || index >= elements.size()) {
			return;
		}
		switch (verb) {
			case "remove" -> elements.remove(index);
			case "up" -> {
				if (index > 0) {
					Collections.swap(elements, index, index - 1);
				}
			}
			case "down" -> {
				if (index < elements.size() - 1) {
					Collections.swap(elements, index, index + 1);
				}
			}
			default -> {
			}
		}
	}

	private String showComposer(@Nullable Long id, DraftForm form, Model model) {
		Composition composition = Composition.of(form);
		return showComposer(id, form, model, composition, this.panels.validate(composition));
	}

	private String showComposer(@Nullable Long id, DraftForm form, Model model, Composition composition,
			ValidationReport report) {
		model.addAttribute(FORM, form);
		model.addAttribute("draftId", id);
		model.addAttribute("live", this.panels.of(composition, report));
		return "drafts/form";
	}

}
