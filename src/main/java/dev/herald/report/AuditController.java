package dev.herald.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.herald.shared.web.Htmx;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, read-only: filters, keyset pages and exports.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST', 'OPERATOR', 'EDITOR')")
class AuditController {

	static final int PAGE_SIZE = 50;

	static final String PATH = "/audit";

	private static final List<String> COLUMNS = List.of("id", "occurredAt", "actor", "clientIp", "action", "objectType",
			"objectId", "before", "after");

	private final AuditTrail trail;

	private final DeliveryExport export;

	private final Exports exports;

	private final MessageSource messages;

	AuditController(AuditTrail trail, DeliveryExport export, Exports exports, MessageSource messages) {
		this.trail = trail;
		this.export = export;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String list(@ModelAttribute("filter") AuditForm filter, BindingResult binding, ZoneId zone, HtmxRequest htmx,
			Model model) {
		// From after To matches nothing: the page says why instead of searching.
		model.addAttribute("page",
				filter.backwards() ? new AuditTrail.Page(List.of(), null) : this.trail.page(filter, zone, PAGE_SIZE));
		model.addAttribute("ignored", filter.ignored(binding));
		model.addAttribute("path", PATH);
		if (Htmx.partial(htmx)) {
			model.addAttribute("partial", true);
			return "audit/list :: results";
		}
		model.addAttribute("actions", this.trail.actions());
		return "audit/list";
	}

	@GetMapping(PATH + "/export")
	void export(@ModelAttribute("filter") AuditForm filter, BindingResult binding,
			@RequestParam(defaultValue = "csv") String format, ZoneId zone, HttpServletResponse response, Locale locale)
			throws IOException {
		ExportFormat exportFormat = this.exports.start("audit", format, binding.hasErrors() || filter.backwards(),
				filter.parameters(), zone, response);
		if (exportFormat == null) {
			return;
		}
		try (TableWriter table = exportFormat.open(response.getOutputStream(),
				this.messages.getMessage("audit.export.sheet", null, locale))) {
			table.header(this.export.headers(COLUMNS, List.of("occurredAt"), "audit.column.", zone, locale));
			this.trail.forEach(filter, zone, (entry) -> {
				try {
					table.row(Arrays.asList(entry.id(), DeliveryExport.local(entry.occurredAt(), zone), entry.actor(),
							entry.clientIp(), entry.action(), entry.objectType(), entry.objectId(), entry.before(),
							entry.after()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
