package dev.herald.report;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.herald.chatapp.RecallDeadline;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.shared.web.Htmx;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The send history: filters in the URL, keyset pages, htmx swapping only the results (the
 * same handler renders the whole page without JavaScript), and exports of the filtered
 * view.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST', 'OPERATOR', 'EDITOR')")
class DeliveryHistoryController {

	static final int PAGE_SIZE = 50;

	static final String PATH = "/reports/deliveries";

	private final DeliveryHistory history;

	private final DeliveryExport export;

	private final Exports exports;

	private final ChatApps apps;

	private final Clock clock;

	DeliveryHistoryController(DeliveryHistory history, DeliveryExport export, Exports exports, ChatApps apps,
			Clock clock) {
		this.history = history;
		this.export = export;
		this.exports = exports;
		this.apps = apps;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String history(@ModelAttribute("filter") HistoryForm filter, BindingResult binding, ZoneId zone, HtmxRequest htmx,
			Model model) {
		// From after To matches nothing: the page says why instead of searching.
		HistoryPage page = filter.backwards() ? new HistoryPage(List.of(), null)
				: this.history.page(filter.toQuery(zone), PAGE_SIZE);
		model.addAttribute("page", page);
		model.addAttribute("ignored", filter.ignored(binding));
		model.addAttribute("recallDeadlines", recallDeadlines(page.rows()));
		model.addAttribute("path", PATH);
		if (Htmx.partial(htmx)) {
			model.addAttribute("partial", true);
			return "reports/deliveries :: results";
		}
		List<ChatAppView> chatApps = this.apps.all();
		model.addAttribute("chatApps", chatApps);
		model.addAttribute("statuses", DeliveryStatuses.ALL);
		return "reports/deliveries";
	}

	@GetMapping(PATH + "/export")
	void export(@ModelAttribute("filter") HistoryForm filter, BindingResult binding,
			@RequestParam(defaultValue = "csv") String format, ZoneId zone, HttpServletResponse response, Locale locale)
			throws IOException {
		ExportFormat exportFormat = this.exports.start("deliveries", format, binding.hasErrors() || filter.backwards(),
				filter.parameters(), zone, response);
		if (exportFormat != null) {
			this.export.write(filter.toQuery(zone).after(null), exportFormat, zone, locale, response.getOutputStream());
		}
	}

	/** Until when each sent, not yet recalled message of the page can be recalled. */
	private Map<Long, RecallDeadline> recallDeadlines(List<DeliveryLine> rows) {
		Map<Long, RecallDeadline> result = new LinkedHashMap<>();
		Map<Long, Optional<ChatAppView>> apps = new HashMap<>();
		Instant now = this.clock.instant();
		for (DeliveryLine row : rows) {
			if (row.hasMessageToRecall()) {
				apps.computeIfAbsent(row.chatAppId(), this.apps::find)
					.ifPresent((app) -> result.put(row.id(), app.recallDeadline(row.sentAt(), now)));
			}
		}
		return result;
	}

}
