package dev.herald.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import dev.herald.chatapp.ChatApps;
import dev.herald.shared.web.TimeFormat;
import dev.herald.shared.web.UserTimeZone;
import dev.herald.tencent.TencentErrorCodes;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The run page: live progress (an htmx-polled fragment), the first deliveries, and the
 * operator's buttons.
 */
@Controller
class RunController {

	private static final Logger logger = LoggerFactory.getLogger(RunController.class);

	static final int LISTED_DELIVERIES = 100;

	private final Deliveries deliveries;

	private final ChatApps apps;

	private final MessageSource messages;

	private final TimeFormat timeFormat;

	// Recalls of whole runs take one call per 10 messages: they run off the request
	// thread, as the signed-in user (for the audit log).
	private final Executor recalls;

	RunController(Deliveries deliveries, ChatApps apps, MessageSource messages, TimeFormat timeFormat) {
		this.deliveries = deliveries;
		this.apps = apps;
		this.messages = messages;
		this.timeFormat = timeFormat;
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("run-recall-");
		executor.setConcurrencyLimit(4);
		this.recalls = new DelegatingSecurityContextExecutor(executor);
	}

	@GetMapping("/runs/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST')")
	String show(@PathVariable long id, Model model, Locale locale) {
		RunProgress run = this.deliveries.progress(id);
		List<DeliveryRow> rows = this.deliveries.deliveries(id, LISTED_DELIVERIES);
		model.addAttribute("run", run);
		model.addAttribute("app", this.apps.find(run.chatAppId()).orElse(null));
		model.addAttribute("deliveries", rows);
		model.addAttribute("recallWindow", this.deliveries.recallWindow(id));
		model.addAttribute("recallDeadlines", this.deliveries.recallDeadlines(run.chatAppId(), rows));
		// Error and recall codes in words, from the tencent bundles.
		Map<Integer, String> errors = new HashMap<>();
		for (DeliveryRow row : rows) {
			for (Integer code : new Integer[] { row.errorCode(), row.recallCode() }) {
				if (code != null && code != 0) {
					errors.computeIfAbsent(code,
							(c) -> (c < 0) ? this.messages.getMessage("delivery.noAnswer", null, locale)
									: c + " " + this.messages.getMessage(TencentErrorCodes.describe(c), locale));
				}
			}
		}
		model.addAttribute("errors", errors);
		return "runs/detail";
	}

	@GetMapping("/runs/{id}/progress")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST')")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("run", this.deliveries.progress(id));
		return "runs/progress :: progress";
	}

	@PostMapping("/runs/{id}/pause")
	@PreAuthorize("hasRole('OPERATOR')")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, redirect, "run.paused.flash", () -> this.deliveries.pause(id));
	}

	@PostMapping("/runs/{id}/resume")
	@PreAuthorize("hasRole('OPERATOR')")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, redirect, "run.resumed.flash", () -> this.deliveries.resume(id));
	}

	@PostMapping("/runs/{id}/cancel")
	@PreAuthorize("hasRole('OPERATOR')")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, redirect, "run.cancelled.flash", () -> this.deliveries.cancel(id));
	}

	@PostMapping("/runs/{id}/recall")
	@PreAuthorize("hasRole('OPERATOR')")
	String recall(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		// Checked here too: a refusal is told at once, not lost in the background.
		RecallWindow window = this.deliveries.recallWindow(id);
		if (window.closed()) {
			RecallRefusal.flash(redirect, "run.recall.tooLate", new RecallWindowClosedException(window),
					this.timeFormat, UserTimeZone.of(request));
			return "redirect:/runs/" + id;
		}
		this.recalls.execute(() -> {
			try {
				this.deliveries.recallRun(id);
			}
			catch (RuntimeException ex) {
				logger.warn("Recall of run " + id + " failed: " + ex.getMessage());
			}
		});
		redirect.addFlashAttribute("success", window.partial() ? "run.recall.startedPartly" : "run.recall.started");
		redirect.addFlashAttribute("successArg", window.recallable());
		redirect.addFlashAttribute("successArg2", window.pastWindow());
		return "redirect:/runs/" + id;
	}

	@PostMapping("/deliveries/{id}/recall")
	@PreAuthorize("hasRole('OPERATOR')")
	String recallDelivery(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		DeliveryRow row = this.deliveries.delivery(id);
		try {
			RecallSummary summary = this.deliveries.recallDelivery(id);
			redirect.addFlashAttribute(summary.recalled() > 0 ? "success" : "failure",
					summary.recalled() > 0 ? "delivery.recall.done" : "delivery.recall.failed");
		}
		catch (RecallWindowClosedException ex) {
			RecallRefusal.flash(redirect, "delivery.recall.tooLate", ex, this.timeFormat, UserTimeZone.of(request));
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", "delivery.recall.nothing");
		}
		return "redirect:/runs/" + row.runId();
	}

	private String change(long id, RedirectAttributes redirect, String message, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", message);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", "run.state.conflict");
		}
		return "redirect:/runs/" + id;
	}

}
