package dev.herald.draft;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.herald.audit.AuditEntry;
import dev.herald.audit.AuditLog;
import dev.herald.shared.web.EditConflict;
import dev.herald.shared.web.FormSubmission;
import dev.herald.shared.web.IgnoredValue;
import dev.herald.tencent.MediaFacts;
import dev.herald.tencent.MediaProbe;
import dev.herald.tencent.MediaProbeException;
import dev.herald.tencent.ValidationReport;
import dev.herald.tencent.Violation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * the page is rendered again; with htmx the live panel follows the typing. A save that
 * lost the race against someone else's keeps what was typed and offers to save on top or
 * merge by hand.
 */
@Controller
@RequestMapping("/drafts")
@PreAuthorize("hasAnyRole('OPERATOR','EDITOR')")
class DraftController {

	static final String FORM = "form";

	/**
	 * The composer button that fills a media element from its URL:
	 * {@code fill-<index>-<field>}.
	 */
	private static final String FILL = "fill-";

	private final Drafts drafts;

	private final LivePanels panels;

	private final SmartValidator formValidator;

	private final AuditLog audit;

	private final TestSendPicker testSendPicker;

	private final MessageSource messages;

	private final MediaProbe media;

	private final DraftUses uses;

	DraftController(Drafts drafts, LivePanels panels, Validator beanValidator, AuditLog audit,
			TestSendPicker testSendPicker, MessageSource messages, MediaProbe media, DraftUses uses) {
		this.uses = uses;
		this.testSendPicker = testSendPicker;
		this.messages = messages;
		this.media = media;
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
		return compose(null, form, action, model, principal, redirect);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		DraftView view = this.drafts.view(id);
		requireLive(view.draft());
		DraftForm form = Composition.toForm(view.current().getContentJson());
		form.setTitle(view.draft().getTitle());
		form.setNotes(view.draft().getNotes());
		form.setVersion(view.draft().getVersion());
		startFrom(form, view);
		return showComposer(id, form, model);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute(FORM) DraftForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action,
			@RequestParam(required = false) @Nullable Long conflictVersion, Model model, Principal principal,
			RedirectAttributes redirect, Locale locale) {
		requireLive(this.drafts.view(id).draft());
		if (EditConflict.MERGE.equals(action)) {
			return merge(id, form, model, locale);
		}
		if (EditConflict.OVERWRITE.equals(action) && conflictVersion != null) {
			// The person saw what changed in between and chose to save over it.
			form.setVersion(conflictVersion);
		}
		try {
			return compose(id, form, EditConflict.OVERWRITE.equals(action) ? "save" : action, model, principal,
					redirect);
		}
		catch (OptimisticLockingFailureException ex) {
			return showConflict(id, form, model);
		}
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

	private String compose(@Nullable Long id, DraftForm form, String action, Model model, Principal principal,
			RedirectAttributes redirect) {
		form.getElements().removeIf((element) -> element.getElementType() == null);
		if (action.startsWith(FILL)) {
			BindingResult checked = new BeanPropertyBindingResult(form, FORM);
			fill(form, action.substring(FILL.length()), checked, model);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, checked);
			return showComposer(id, form, model);
		}
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

	/**
	 * The save lost the race: the composer again with the typed input, who saved in
	 * between and what changed since the version the form was opened from.
	 */
	private String showConflict(long id, DraftForm form, Model model) {
		DraftView saved = this.drafts.view(id);
		model.addAttribute("conflict", conflict(saved.draft(), this.audit.timeline("draft", id)));
		Integer base = form.getBaseVersion();
		Composition composition = Composition.of(form);
		if (base != null && base >= 1 && base <= saved.draft().getCurrentVersion()) {
			String before = this.drafts.version(id, base).getContentJson();
			model.addAttribute("conflictDiff", DraftDiff.between(before, saved.current().getContentJson()));
			model.addAttribute("conflictValues",
					ComposerConflict.describedChanges(form.getBaseTitle(), form.getBaseNotes(), saved.draft()));
		}
		else {
			// A form from before base versions were posted: compare with what was typed.
			model.addAttribute("conflictFromYours", true);
			model.addAttribute("conflictDiff",
					DraftDiff.between(DraftContent.toJson(composition.message()), saved.current().getContentJson()));
		}
		return showComposer(id, form, model);
	}

	/**
	 * "Merge by hand": the typed input against the version saved now, with the saved
	 * value beside every field that differs; the form now saves on top of that version.
	 */
	private String merge(long id, DraftForm form, Model model, Locale locale) {
		form.getElements().removeIf((element) -> element.getElementType() == null);
		DraftView saved = this.drafts.view(id);
		DraftForm savedForm = Composition.toForm(saved.current().getContentJson());
		savedForm.setTitle(saved.draft().getTitle());
		savedForm.setNotes(saved.draft().getNotes());
		model.addAttribute("merging", true);
		model.addAttribute("theirs", ComposerConflict.theirs(form, savedForm,
				(on) -> this.messages.getMessage(on ? "conflict.flag.on" : "conflict.flag.off", null, locale)));
		model.addAttribute("mergeDiff", DraftDiff.between(DraftContent.toJson(Composition.of(form).message()),
				saved.current().getContentJson()));
		form.setVersion(saved.draft().getVersion());
		startFrom(form, saved);
		return showComposer(id, form, model);
	}

	/** Who changed the draft last, from its audit trail. */
	private static EditConflict conflict(Draft draft, List<AuditEntry> timeline) {
		if (timeline.isEmpty()) {
			return new EditConflict(draft.getLastEditor(), draft.getUpdatedAt(), "audit.action.draft.edited",
					draft.getVersion());
		}
		AuditEntry last = timeline.get(timeline.size() - 1);
		return new EditConflict(last.actor(), last.occurredAt(), last.messageKey(), draft.getVersion());
	}

	/** Remembers what the form starts from, for the diff of a later conflict. */
	private static void startFrom(DraftForm form, DraftView view) {
		form.setBaseVersion(view.draft().getCurrentVersion());
		form.setBaseTitle(view.draft().getTitle());
		form.setBaseNotes(view.draft().getNotes());
	}

	/**
	 * "Fill from URL" ({@code fill-2-Url}): fetches the file behind one URL field of one
	 * media element and fills its size, dimensions, format and UUID. What went wrong is a
	 * message beside the URL field; nothing typed is lost either way.
	 */
	private void fill(DraftForm form, String target, BindingResult result, Model model) {
		int dash = target.indexOf('-');
		int index;
		try {
			index = Integer.parseInt(target.substring(0, Math.max(dash, 0)));
		}
		catch (NumberFormatException ex) {
			return;
		}
		String key = target.substring(dash + 1);
		if (index < 0 || index >= form.getElements().size()) {
			return;
		}
		DraftForm.ElementForm element = form.getElements().get(index);
		ElementType type = element.getElementType();
		if (type == null || !MediaFill.isSource(type, key)) {
			return;
		}
		String field = "elements[" + index + "].fields[" + key + "]";
		String url = element.getFields().get(key);
		if (url == null || url.isBlank()) {
			result.rejectValue(field, "drafts.media.urlRequired");
			return;
		}
		try {
			MediaFacts facts = this.media.probe(url, MediaFill.wantsImage(type, key));
			MediaFill.apply(type, element, key, facts, UUID::randomUUID);
			model.addAttribute("mediaFilled", field);
			model.addAttribute("mediaFacts", facts);
		}
		catch (MediaProbeException ex) {
			result.rejectValue(field, "drafts.media." + ex.problem().name(),
					new Object[] { ex.status(), this.media.maxMegabytes() }, null);
		}
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
		// Campaigns keep the version they have: an edit starts a new one they do not
		// take.
		model.addAttribute("usedBy", (id != null) ? this.uses.campaignsSending(id) : List.of());
		return "drafts/form";
	}

}
