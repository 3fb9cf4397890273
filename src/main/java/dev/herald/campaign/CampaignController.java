package dev.herald.campaign;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.delivery.Deliveries;
import dev.herald.delivery.DeliveryStatus;
import dev.herald.delivery.RecallQuestion;
import dev.herald.delivery.RecallRefusal;
import dev.herald.delivery.RecallStarted;
import dev.herald.delivery.RecallWindowClosedException;
import dev.herald.delivery.Recalls;
import dev.herald.draft.ApprovedVersion;
import dev.herald.draft.ApprovedVersions;
import dev.herald.officialaccount.Audience;
import dev.herald.officialaccount.Audiences;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.shared.RuleViolationException;
import dev.herald.shared.web.Confirmation;
import dev.herald.shared.web.EditConflict;
import dev.herald.shared.web.FormSubmission;
import dev.herald.shared.web.Htmx;
import dev.herald.shared.web.IgnoredValue;
import dev.herald.shared.web.PageAction;
import dev.herald.shared.web.Question;
import dev.herald.shared.web.TimeFormat;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Campaign pages: list, editor with preview, campaign page with its actions, calendar.
 * Operators change campaigns; analysts read them. An edit that lost the race against
 * someone else's keeps what was typed and offers to save on top or merge by hand.
 */
@Controller
@RequestMapping("/campaigns")
@PreAuthorize("hasAnyRole('OPERATOR','ANALYST')")
class CampaignController {

	private static final int PICKER_PAGE = 20;

	private static final int LIST_PAGE = 50;

	private final Campaigns campaigns;

	private final CampaignScheduler scheduler;

	private final ChatApps chatApps;

	private final OfficialAccounts accounts;

	private final ApprovedVersions approvedVersions;

	private final Clock clock;

	private final Deliveries deliveries;

	private final Recalls recalls;

	private final Audiences audiences;

	private final MessageSource messages;

	private final TimeFormat timeFormat;

	private final CampaignConflicts conflicts;

	CampaignController(Campaigns campaigns, CampaignScheduler scheduler, ChatApps chatApps, OfficialAccounts accounts,
			ApprovedVersions approvedVersions, Deliveries deliveries, Recalls recalls, Clock clock, Audiences audiences,
			MessageSource messages, TimeFormat timeFormat) {
		this.conflicts = new CampaignConflicts(approvedVersions, accounts, messages);
		this.messages = messages;
		this.timeFormat = timeFormat;
		this.audiences = audiences;
		this.deliveries = deliveries;
		this.recalls = recalls;
		this.campaigns = campaigns;
		this.scheduler = scheduler;
		this.chatApps = chatApps;
		this.accounts = accounts;
		this.approvedVersions = approvedVersions;
		this.clock = clock;
	}

	/**
	 * Every app (lists and filters), the enabled ones (the form's choice) and their
	 * names, from one read: these run before every request, htmx ones included.
	 */
	@ModelAttribute
	void chatApps(Model model) {
		List<ChatAppView> apps = this.chatApps.all();
		model.addAttribute("chatApps", apps);
		model.addAttribute("enabledApps", apps.stream().filter(ChatAppView::enabled).toList());
		model.addAttribute("appNames", apps.stream().collect(Collectors.toMap(ChatAppView::id, ChatAppView::name)));
	}

	/**
	 * The list, filtered; a filter value that cannot be read (a hand-edited link) is left
	 * out and named on the page rather than refused.
	 */
	@GetMapping
	String list(@RequestParam(name = "status", required = false) @Nullable String statusParameter,
			@RequestParam(name = "app", required = false) @Nullable String appParameter,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<IgnoredValue> ignored = new ArrayList<>();
		CampaignStatus status = IgnoredValue.read(statusParameter, CampaignStatus::valueOf, "campaigns.status",
				ignored);
		Long app = IgnoredValue.read(appParameter, Long::valueOf, "campaigns.app.label", ignored);
		model.addAttribute("ignored", ignored);
		CampaignFilter filter = new CampaignFilter(status, app, (q != null) ? q : "", archived);
		model.addAttribute("campaigns", this.campaigns.list(filter, PageRequest.of(Math.max(page, 0), LIST_PAGE)));
		model.addAttribute("archived", archived);
		model.addAttribute("statuses", CampaignStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("app", app);
		model.addAttribute("q", q);
		return "campaigns/list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OPERATOR')")
	String newForm(@RequestParam(required = false) @Nullable Long app, Model model, ZoneId zone) {
		CampaignForm form = new CampaignForm();
		form.setChatAppId(
				(app != null && this.chatApps.find(app).filter(ChatAppView::enabled).isPresent()) ? app : null);
		form.setZone(zone.getId());
		form.setSubmissionToken(UUID.randomUUID().toString());
		model.addAttribute("form", form);
		return form(form, null, model);
	}

	@PostMapping("/preview")
	@PreAuthorize("hasRole('OPERATOR')")
	String preview(@Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
			@RequestParam(required = false) @Nullable Long campaignId, Model model, HtmxRequest htmx) {
		CampaignCommand command = command(form, result);
		if (command != null) {
			try {
				model.addAttribute("plan", this.scheduler.preview(campaignId, command));
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		if (Htmx.partial(htmx)) {
			return "campaigns/form :: plan";
		}
		return form(form, campaignId, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('OPERATOR')")
	String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		CampaignCommand command = command(form, result);
		if (command != null) {
			try {
				FormSubmission.Landed saved = FormSubmission.once(command.submissionToken(), this.scheduler::createdBy,
						() -> this.scheduler.create(command));
				redirect.addFlashAttribute("success",
						saved.created() ? "campaigns.created" : "campaigns.created.earlier");
				redirect.addFlashAttribute("successArg", command.label());
				clockNote(form).ifPresent((note) -> redirect.addFlashAttribute("clockNote", note));
				return "redirect:/campaigns/" + saved.id();
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
		}
		return form(form, null, model);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CampaignDetail detail = this.campaigns.detail(id);
		model.addAttribute("campaign", detail);
		// Live progress of the newest run that went to the delivery engine.
		Long shown = detail.runs()
			.stream()
			.map(CampaignDetail.Run::deliveryRunId)
			.filter((runId) -> runId != null)
			.findFirst()
			.orElse(null);
		if (shown != null) {
			model.addAttribute("latestRun", this.deliveries.progress(shown));
		}
		model.addAttribute("recallWindow", this.recalls.campaignRecallWindow(id));
		model.addAttribute("recall", this.recalls.latestOfCampaign(id).orElse(null));
		// The runs that may still change are the page's live part; the older ones stay.
		long from = CampaignLive.followFrom(detail.runs());
		CampaignLive live = this.campaigns.live(id, from);
		model.addAttribute("olderRuns", detail.runs().stream().filter((run) -> run.id() < from).toList());
		follow(live, from, (shown != null) ? shown : 0, model);
		return "campaigns/detail";
	}

	/**
	 * The campaign page's poll while a run sends or a fire is due: the runs that may
	 * still change, every time; the status, buttons, next fires and recall window when
	 * the status moved; a newly started delivery run's progress when one starts. It
	 * answers without a poll of its own once nothing is left to follow.
	 * @param from the first run the page follows
	 * @param status the status the page shows
	 * @param shown the delivery run whose progress the page shows, {@code 0} for none
	 */
	@GetMapping("/{id}/live")
	String live(@PathVariable long id, @RequestParam(defaultValue = "0") long from,
			@RequestParam(required = false) @Nullable CampaignStatus status,
			@RequestParam(defaultValue = "0") long shown, Model model) {
		CampaignLive live = this.campaigns.live(id, from);
		model.addAttribute("campaign", live);
		boolean moved = live.status() != status;
		if (moved) {
			model.addAttribute("recallWindow", this.recalls.campaignRecallWindow(id));
		}
		long latest = live.latestDeliveryRun();
		if (latest != 0 && latest != shown) {
			model.addAttribute("latestRun", this.deliveries.progress(latest));
		}
		model.addAttribute("statusMoved", moved);
		follow(live, from, (latest != 0) ? latest : shown, model);
		return "campaigns/live :: update";
	}

	private static void follow(CampaignLive live, long from, long shownRun, Model model) {
		model.addAttribute("liveRuns", live.runs());
		model.addAttribute("liveFrom", from);
		model.addAttribute("shownRun", shownRun);
		model.addAttribute("following", live.following());
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('OPERATOR')")
	String editForm(@PathVariable long id, Model model) {
		CampaignDetail detail = this.campaigns.detail(id);
		CampaignForm form = CampaignForm.of(detail);
		form.setBaseline(CampaignFields.of(form).encoded());
		model.addAttribute("form", form);
		return form(form, id, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('OPERATOR')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action,
			@RequestParam(required = false) @Nullable Long conflictVersion, Model model, RedirectAttributes redirect,
			Locale locale) {
		CampaignDetail saved = this.campaigns.detail(id);
		if (EditConflict.MERGE.equals(action)) {
			return merge(saved, form, model, locale);
		}
		if (EditConflict.OVERWRITE.equals(action) && conflictVersion != null) {
			// The operator saw what changed in between and chose to save over it.
			form.setVersion(conflictVersion);
		}
		CampaignCommand command = command(form, result);
		if (command != null) {
			try {
				this.scheduler.update(id, (form.getVersion() != null) ? form.getVersion() : -1, command);
				redirect.addFlashAttribute("success", "campaigns.updated");
				redirect.addFlashAttribute("successArg", command.label());
				return "redirect:/campaigns/" + id;
			}
			catch (RuleViolationException ex) {
				ex.rejectIn(result);
			}
			catch (IllegalStateException ex) {
				result.reject("campaigns.notEditable");
			}
			catch (OptimisticLockingFailureException ex) {
				return conflict(id, form, model, locale);
			}
		}
		return form(form, id, model);
	}

	/**
	 * The save lost the race: the editor again with the typed input, who changed the
	 * campaign in between and what changed since the form was opened.
	 */
	private String conflict(long id, CampaignForm form, Model model, Locale locale) {
		CampaignDetail saved = this.campaigns.detail(id);
		CampaignFields now = CampaignFields.of(CampaignForm.of(saved));
		CampaignFields base = CampaignFields.decode(form.getBaseline());
		model.addAttribute("conflict", this.conflicts.conflict(saved));
		// A form without its baseline (sent before it had one) is compared with what was
		// typed.
		model.addAttribute("conflictFromYours", base == null);
		model.addAttribute("conflictValues", this.conflicts.changes((base != null) ? base : CampaignFields.of(form),
				now, saved.chatAppId(), locale));
		return form(form, id, model);
	}

	/**
	 * "Merge by hand": the typed input with the saved value beside every field that
	 * differs; the form now saves on top of the saved version.
	 */
	private String merge(CampaignDetail saved, CampaignForm form, Model model, Locale locale) {
		CampaignFields now = CampaignFields.of(CampaignForm.of(saved));
		model.addAttribute("merging", true);
		model.addAttribute("theirs", this.conflicts.theirs(CampaignFields.of(form), now, saved.chatAppId(), locale));
		form.setVersion(saved.version());
		form.setBaseline(now.encoded());
		return form(form, saved.id(), model);
	}

	/**
	 * The operator's buttons on the campaign page that change its state. Cancel and
	 * archive ask first.
	 */
	@PostMapping("/{id}/{button:pause|resume|cancel|archive|restore}")
	@PreAuthorize("hasRole('OPERATOR')")
	String press(@PathVariable long id, @PathVariable String button, Confirmation confirmation,
			RedirectAttributes redirect) {
		StateButton pressed = StateButton.valueOf(button.toUpperCase(Locale.ROOT));
		if (pressed.asks && !confirmation.given()) {
			return confirmation.ask(question(pressed, this.campaigns.detail(id)));
		}
		// An unknown campaign is a 404 from the change itself.
		return PageAction.run("/campaigns/" + id, redirect, pressed.done, "campaigns.action.refused",
				() -> new DefaultMessageSourceResolvable("CampaignStatus." + this.campaigns.detail(id).status()),
				() -> pressed.change.accept(this.scheduler, id));
	}

	/**
	 * Cancel names the deliveries its running send leaves unsent; archive says it can be
	 * restored.
	 */
	private Question question(StateButton pressed, CampaignDetail campaign) {
		Question question = Question.of("campaigns." + pressed.name().toLowerCase(Locale.ROOT) + ".ask",
				campaign.label());
		if (pressed == StateButton.CANCEL) {
			long unsent = campaign.runs()
				.stream()
				.filter((run) -> run.status() == RunStatus.RUNNING && run.deliveryRunId() != null)
				.mapToLong((run) -> this.deliveries.progress(run.deliveryRunId()).count(DeliveryStatus.QUEUED))
				.sum();
			if (unsent > 0) {
				question = question.and("campaigns.cancel.ask.unsent", unsent);
			}
		}
		return question.backTo("/campaigns/" + campaign.id());
	}

	@PostMapping("/{id}/recall")
	@PreAuthorize("hasRole('OPERATOR')")
	String recall(@PathVariable long id, ZoneId zone, Confirmation confirmation, RedirectAttributes redirect) {
		CampaignDetail campaign = this.campaigns.detail(id);
		if (!confirmation.given()) {
			return confirmation
				.ask(RecallQuestion.of("campaigns.recall.ask", campaign.label(), this.recalls.campaignRecallWindow(id))
					.backTo("/campaigns/" + id));
		}
		try {
			RecallStarted.flash(redirect, this.scheduler.recall(id));
		}
		catch (RecallWindowClosedException ex) {
			RecallRefusal.flash(redirect, "campaigns.recall.tooLate", ex, this.timeFormat, zone);
		}
		return "redirect:/campaigns/" + id;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(defaultValue = "month") String view,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable Long app, ZoneId zone, Model model) {
		LocalDate anchor = (date != null) ? date : this.clock.instant().atZone(zone).toLocalDate();
		CalendarGrid grid = new CalendarGrid("week".equals(view), anchor, zone);
		model.addAttribute("grid", grid);
		model.addAttribute("view", grid.week() ? "week" : "month");
		model.addAttribute("anchor", anchor);
		model.addAttribute("previous", grid.previous());
		model.addAttribute("next", grid.next());
		model.addAttribute("weeks", grid.weeks());
		model.addAttribute("byDay", grid.byDay(this.campaigns.calendar(grid.from(), grid.until(), app, zone)));
		model.addAttribute("app", app);
		return "campaigns/calendar";
	}

	private @Nullable CampaignCommand command(CampaignForm form, BindingResult result) {
		if (form.getVersionId() != null && this.approvedVersions.findApproved(form.getVersionId()).isEmpty()) {
			result.rejectValue("versionId", "campaigns.version.notApproved");
		}
		if (form.getChatAppId() != null && this.chatApps.find(form.getChatAppId()).isEmpty()) {
			result.rejectValue("chatAppId", "campaigns.app.unknown");
		}
		return form.toCommand(this.clock, result);
	}

	private String form(CampaignForm form, @Nullable Long campaignId, Model model) {
		List<ApprovedVersion> versions = new ArrayList<>(this.approvedVersions.listApproved());
		if (form.getVersionId() != null && versions.stream().noneMatch((v) -> v.versionId() == form.getVersionId())) {
			this.approvedVersions.findApproved(form.getVersionId()).ifPresent(versions::add);
		}
		model.addAttribute("versions", versions);
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("kinds", ScheduleKind.values());
		model.addAttribute("weekDays", DayOfWeek.values());
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		if (form.getChatAppId() != null && this.chatApps.find(form.getChatAppId()).isPresent()) {
			long app = form.getChatAppId();
			model.addAttribute("groups", this.accounts.groupsOf(app));
			model.addAttribute("knownTags", this.audiences.suggestedTags(app));
			model.addAttribute("picked", this.accounts.views(form.getAccountIds()));
			model.addAttribute("audience", measure(form));
		}
		clockNote(form).ifPresent((note) -> model.addAttribute("clockNote", note));
		return "campaigns/form";
	}

	/**
	 * The audience picker's search: a page of matching accounts, never all of them.
	 */
	@GetMapping("/audience/accounts")
	@PreAuthorize("hasRole('OPERATOR')")
	String findAccounts(@RequestParam(required = false) @Nullable Long app, @RequestParam(defaultValue = "") String q,
			Model model) {
		model.addAttribute("found",
				(app == null || q.isBlank()) ? List.of() : this.audiences.find(app, q, PICKER_PAGE));
		model.addAttribute("q", q);
		model.addAttribute("pageSize", PICKER_PAGE);
		return "campaigns/form :: found";
	}

	/**
	 * How many accounts the current selection resolves to, and how many each source adds.
	 */
	@PostMapping("/audience/count")
	@PreAuthorize("hasRole('OPERATOR')")
	String countAudience(@ModelAttribute("form") CampaignForm form, Model model) {
		model.addAttribute("audience", measure(form));
		return "campaigns/form :: audience";
	}

	/**
	 * A new, unsaved campaign with this one's label, content, targets and options; the
	 * operator picks a schedule and saves it.
	 */
	@GetMapping("/{id}/clone")
	@PreAuthorize("hasRole('OPERATOR')")
	String cloneForm(@PathVariable long id, Model model, Locale locale) {
		CampaignDetail detail = this.campaigns.detail(id);
		CampaignForm form = CampaignForm.of(detail);
		form.setLabel(this.messages.getMessage("campaigns.copyOf", new Object[] { detail.label() }, locale));
		form.setVersion(null);
		form.setOnceAt(null);
		form.setKind(ScheduleKind.ONCE);
		form.setSubmissionToken(UUID.randomUUID().toString());
		model.addAttribute("form", form);
		model.addAttribute("clonedFrom", detail);
		return form(form, null, model);
	}

	private @Nullable Audience measure(CampaignForm form) {
		if (form.getChatAppId() == null || form.sources().isEmpty()) {
			return null;
		}
		try {
			return this.audiences.measure(form.getChatAppId(), form.sources());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Optional<ClockNote> clockNote(CampaignForm form) {
		if (form.getKind() != ScheduleKind.ONCE || form.getOnceAt() == null || form.getZone() == null) {
			return Optional.empty();
		}
		try {
			return ClockNote.of(form.getOnceAt(), ZoneId.of(form.getZone()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** A button that moves a campaign to another state, and what the page says then. */
	private enum StateButton {

		PAUSE("campaigns.paused", false, CampaignScheduler::pause),
		RESUME("campaigns.resumed", false, CampaignScheduler::resume),
		CANCEL("campaigns.cancelled", true, CampaignScheduler::cancel),
		ARCHIVE("campaigns.archived", true, CampaignScheduler::archive),
		RESTORE("campaigns.restored", false, CampaignScheduler::restore);

		private final String done;

		/** Whether the button asks first (see {@link #question}). */
		private final boolean asks;

		private final ObjLongConsumer<CampaignScheduler> change;

		StateButton(String done, boolean asks, ObjLongConsumer<CampaignScheduler> change) {
			this.done = done;
			this.asks = asks;
			this.change = change;
		}

	}

}
