package dev.herald.report;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every export in the audit log ({@code report.exported}): which view, which
 * filter, which format and when, before the first byte is sent.
 */
@Component
class ExportLog {

	static final String ACTION = "report.exported";

	private final AuditLog audit;

	private final Clock clock;

	ExportLog(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	void exported(String view, ExportFormat format, Map<String, Object> filter, ZoneId zone) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("format", format.extension());
		details.put("filter", filter);
		details.put("zone", zone.getId());
		details.put("exportedAt", this.clock.instant().toString());
		this.audit.record(AuditRecord.of(ACTION, "report", view).withAfter(details));
	}

}
