package dev.herald.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.herald.delivery.Recalls;
import dev.herald.tencent.ErrorCodeWords;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The reports overview with its charts, the charts' data, and the run and campaign
 * reports.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST', 'OPERATOR', 'EDITOR')")
class ReportController {

	static final int RECENT_RUNS = 20;

	private final SendReports reports;

	private final ErrorCodeWords errorWords;

	private final Recalls recalls;

	ReportController(SendReports reports, ErrorCodeWords errorWords, Recalls recalls) {
		this.reports = reports;
		this.errorWords = errorWords;
		this.recalls = recalls;
	}

	@GetMapping("/reports")
	String overview(Model model) {
		model.addAttribute("runs", this.reports.recentRuns(RECENT_RUNS));
		return "reports/index";
	}

	/**
	 * The charts' data as JSON, fetched by {@code reports.js} (the CSP forbids inline
	 * scripts). Labels come in the viewer's language.
	 */
	@GetMapping("/reports/charts")
	@ResponseBody
	Map<String, Object> charts(@RequestParam(defaultValue = "14") int days, ZoneId zone, Locale locale) {
		SendReports.Charts charts = this.reports.charts(Math.min(Math.max(days, 1), 92), zone);
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Outcomes.CodeCount error : charts.errors()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("code", error.code());
			item.put("label", error.code() + " " + this.errorWords.of(error.code(), locale));
			item.put("count", error.count());
			errors.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zone", zone.getId());
		body.put("days", charts.days());
		body.put("sends", charts.sends());
		body.put("delivered", charts.delivered());
		body.put("rates", charts.rates());
		body.put("errors", errors);
		body.put("apps", charts.perApp());
		return body;
	}

	@GetMapping("/reports/runs/{id}")
	String run(@PathVariable long id, Model model) {
		RunReport run = this.reports.run(id);
		model.addAttribute("run", run);
		model.addAttribute("outcomes", run.outcomes());
		model.addAttribute("recallWindow", this.recalls.recallWindow(id));
		List<String> minutes = new ArrayList<>();
		List<Long> sends = new ArrayList<>();
		List<Long> delivered = new ArrayList<>();
		for (RunReport.MinuteCount minute : run.timeline()) {
			minutes.add(minute.minute().toString());
			sends.add(minute.sends());
			delivered.add(minute.delivered());
		}
		model.addAttribute("timelineMinutes", String.join(",", minutes));
		model.addAttribute("timelineSends", join(sends));
		model.addAttribute("timelineDelivered", join(delivered));
		return "reports/run";
	}

	@GetMapping("/reports/campaigns/{id}")
	String campaign(@PathVariable long id, Model model) {
		CampaignReport campaign = this.reports.campaign(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("outcomes", campaign.outcomes());
		List<String> labels = new ArrayList<>();
		List<String> rates = new ArrayList<>();
		for (RunSummary run : campaign.runs()) {
			labels.add(String.valueOf(run.runId()));
			Double rate = run.successRate();
			rates.add((rate != null) ? String.format(Locale.ROOT, "%.1f", rate) : "");
		}
		model.addAttribute("runLabels", String.join(",", labels));
		model.addAttribute("runRates", String.join(",", rates));
		return "reports/campaign";
	}

	private static String join(List<Long> values) {
		StringBuilder text = new StringBuilder();
		for (Long value : values) {
			if (!text.isEmpty()) {
				text.append(',');
			}
			text.append(value);
		}
		return text.toString();
	}

}
